/**
 * The people of a generated site: 40 bylines (the demo's six and 34 invented reporters, each
 * with a beat) and the readers who comment (first names and surnames, in Devanagari and in
 * the Latin spelling they would type). All invented. Pure data.
 */
import { demoAuthors } from '../demo/content/index.ts';
import { slugify } from '../lib/slug.ts';

export interface GeneratedAuthor {
  readonly slug: string;
  readonly name: string;
  readonly nameLatin: string;
  readonly bio: string;
  /** Section slug the reporter mostly writes for; null for a desk that writes for all. */
  readonly beat: string | null;
}

type Gender = 'f' | 'm';

/** What each beat's reporter covers, for the bio. */
const BEATS: Readonly<Record<string, { title: string; covers: string }>> = {
  desh: { title: 'देश-प्रदेश संवाददाता', covers: 'शहर, गांव, रेल, शिक्षा और मौसम की खबरें' },
  videsh: { title: 'विदेश डेस्क', covers: 'कूटनीति, पड़ोसी देशों और अंतरराष्ट्रीय घटनाक्रम की खबरें' },
  rajneeti: { title: 'राजनीतिक संवाददाता', covers: 'चुनाव, विधानसभा और दलों की हलचल' },
  khel: { title: 'खेल संवाददाता', covers: 'क्रिकेट, हॉकी, कुश्ती और एथलेटिक्स' },
  business: { title: 'बिज़नेस संवाददाता', covers: 'बाजार, मंडी, बैंकिंग और स्टार्टअप' },
  manoranjan: { title: 'मनोरंजन संवाददाता', covers: 'फिल्में, वेब सीरीज, संगीत और कला' },
  tech: { title: 'टेक संवाददाता', covers: 'मोबाइल, इंटरनेट, AI और साइबर सुरक्षा' },
  swasthya: { title: 'हेल्थ संवाददाता', covers: 'अस्पताल, बीमारियों से बचाव और स्वास्थ्य योजनाएं' },
};

/** The demo's bylines keep their slugs; their beats are what their demo bios say. */
const DEMO_BEATS: Readonly<Record<string, string | null>> = {
  'samachar-desk': null,
  'anjali-sharma': 'rajneeti',
  'rohit-tiwari': 'khel',
  'neha-kulkarni': 'business',
  'aamir-siddiqui': 'desh',
  'kavita-joshi': 'swasthya',
};

const INVENTED: readonly (readonly [name: string, nameLatin: string, gender: Gender, beat: string])[] = [
  ['प्रियंका मिश्रा', 'Priyanka Mishra', 'f', 'rajneeti'],
  ['सौरभ वर्मा', 'Saurabh Verma', 'm', 'desh'],
  ['मनीषा रावत', 'Manisha Rawat', 'f', 'desh'],
  ['अभिषेक पांडे', 'Abhishek Pandey', 'm', 'khel'],
  ['रुचि अग्रवाल', 'Ruchi Agarwal', 'f', 'business'],
  ['विवेक त्रिपाठी', 'Vivek Tripathi', 'm', 'rajneeti'],
  ['शबनम खान', 'Shabnam Khan', 'f', 'videsh'],
  ['गौरव सक्सेना', 'Gaurav Saxena', 'm', 'tech'],
  ['पूजा यादव', 'Pooja Yadav', 'f', 'swasthya'],
  ['हरप्रीत सिंह', 'Harpreet Singh', 'm', 'khel'],
  ['दीपिका नायर', 'Deepika Nair', 'f', 'manoranjan'],
  ['अनुराग चौहान', 'Anurag Chauhan', 'm', 'desh'],
  ['स्नेहा बनर्जी', 'Sneha Banerjee', 'f', 'videsh'],
  ['राहुल मेहता', 'Rahul Mehta', 'm', 'business'],
  ['इरफान अहमद', 'Irfan Ahmed', 'm', 'rajneeti'],
  ['मोनिका ठाकुर', 'Monika Thakur', 'f', 'swasthya'],
  ['अंकित दुबे', 'Ankit Dubey', 'm', 'tech'],
  ['सुमन कुमारी', 'Suman Kumari', 'f', 'desh'],
  ['नितिन गुप्ता', 'Nitin Gupta', 'm', 'business'],
  ['फराह नकवी', 'Farah Naqvi', 'f', 'manoranjan'],
  ['आदित्य राठौर', 'Aditya Rathore', 'm', 'khel'],
  ['श्वेता सिन्हा', 'Shweta Sinha', 'f', 'videsh'],
  ['मनोज भट्ट', 'Manoj Bhatt', 'm', 'desh'],
  ['रश्मि देसाई', 'Rashmi Desai', 'f', 'manoranjan'],
  ['कुणाल जैन', 'Kunal Jain', 'm', 'tech'],
  ['अर्चना द्विवेदी', 'Archana Dwivedi', 'f', 'swasthya'],
  ['संजय चतुर्वेदी', 'Sanjay Chaturvedi', 'm', 'rajneeti'],
  ['तनवीर आलम', 'Tanveer Alam', 'm', 'videsh'],
  ['ज्योति पाठक', 'Jyoti Pathak', 'f', 'desh'],
  ['वरुण कपूर', 'Varun Kapoor', 'm', 'khel'],
  ['अदिति बंसल', 'Aditi Bansal', 'f', 'business'],
  ['प्रदीप सोलंकी', 'Pradeep Solanki', 'm', 'desh'],
  ['नसरीन बानो', 'Nasreen Bano', 'f', 'swasthya'],
  ['हिमांशु नेगी', 'Himanshu Negi', 'm', 'tech'],
];

function bio(gender: Gender, beat: string, years: number): string {
  const b = BEATS[beat]!;
  return gender === 'f'
    ? `${b.title}; ${years} साल से ${b.covers} पर लिख रही हैं।`
    : `${b.title}; ${years} साल से ${b.covers} पर लिख रहे हैं।`;
}

/** The 40 bylines, demo first. Slugs of invented ones are transliterated from the Latin name, as the newsroom makes them. */
export const GENERATED_AUTHORS: readonly GeneratedAuthor[] = [
  ...demoAuthors.map((a) => ({ slug: a.slug, name: a.name, nameLatin: a.nameLatin, bio: a.bio, beat: DEMO_BEATS[a.slug] ?? null })),
  ...INVENTED.map(([name, nameLatin, gender, beat], i) => ({ slug: slugify(nameLatin), name, nameLatin, bio: bio(gender, beat, 3 + ((i * 7) % 17)), beat })),
];

/** Readers' first names: [Devanagari, Latin]. */
export const FIRST_NAMES: readonly (readonly [string, string])[] = [
  ['राजेश', 'Rajesh'], ['सुनीता', 'Sunita'], ['अमित', 'Amit'], ['नेहा', 'Neha'], ['विकास', 'Vikas'],
  ['कविता', 'Kavita'], ['संदीप', 'Sandeep'], ['अनीता', 'Anita'], ['रमेश', 'Ramesh'], ['पूनम', 'Poonam'],
  ['सलीम', 'Saleem'], ['रुखसाना', 'Rukhsana'], ['गुरमीत', 'Gurmeet'], ['मनप्रीत', 'Manpreet'], ['दिनेश', 'Dinesh'],
  ['सरिता', 'Sarita'], ['अजय', 'Ajay'], ['रीना', 'Reena'], ['मुकेश', 'Mukesh'], ['शालिनी', 'Shalini'],
  ['आकाश', 'Akash'], ['प्रिया', 'Priya'], ['यश', 'Yash'], ['तान्या', 'Tanya'], ['आरिफ', 'Arif'],
  ['जोसेफ', 'Joseph'], ['लक्ष्मी', 'Lakshmi'], ['गणेश', 'Ganesh'], ['भावना', 'Bhavna'], ['हर्ष', 'Harsh'],
  ['कमला', 'Kamla'], ['राकेश', 'Rakesh'], ['स्वाति', 'Swati'], ['मोहित', 'Mohit'], ['फातिमा', 'Fatima'],
  ['विनोद', 'Vinod'], ['ममता', 'Mamta'], ['सुरेश', 'Suresh'], ['अंकिता', 'Ankita'], ['धर्मेंद्र', 'Dharmendra'],
];

/** Readers' surnames: [Devanagari, Latin]. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['शर्मा', 'Sharma'], ['वर्मा', 'Verma'], ['सिंह', 'Singh'], ['यादव', 'Yadav'], ['गुप्ता', 'Gupta'],
  ['कुमार', 'Kumar'], ['पटेल', 'Patel'], ['खान', 'Khan'], ['मिश्रा', 'Mishra'], ['चौधरी', 'Chaudhary'],
  ['जोशी', 'Joshi'], ['तिवारी', 'Tiwari'], ['शेख', 'Shaikh'], ['रेड्डी', 'Reddy'], ['मौर्य', 'Maurya'],
  ['बघेल', 'Baghel'], ['अंसारी', 'Ansari'], ['मीणा', 'Meena'], ['पाल', 'Pal'], ['डिसूजा', 'DSouza'],
  ['गिल', 'Gill'], ['कुशवाहा', 'Kushwaha'], ['प्रजापति', 'Prajapati'], ['रस्तोगी', 'Rastogi'], ['भारद्वाज', 'Bhardwaj'],
];

export interface Commenter {
  /** The name as the reader typed it: Devanagari mostly, sometimes Latin, sometimes a first name only. */
  readonly name: string;
  readonly email: string;
  readonly url: string | null;
}

const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

/** Reader number `n` (0 ≤ n < 1000): the same reader on every story they comment on. */
export function commenter(n: number): Commenter {
  const [first, firstLatin] = FIRST_NAMES[n % FIRST_NAMES.length]!;
  const [last, lastLatin] = SURNAMES[Math.floor(n / FIRST_NAMES.length) % SURNAMES.length]!;
  const style = (n * 7) % 10;
  const name = style < 6 ? `${first} ${last}` : style < 8 ? `${firstLatin} ${lastLatin}` : style < 9 ? first : `${firstLatin} ${lastLatin[0]}.`;
  const local = `${firstLatin}.${lastLatin}`.toLowerCase() + (n % 3 === 0 ? String(n % 97) : '');
  return {
    name,
    email: `${local}@${MAIL_DOMAINS[n % MAIL_DOMAINS.length]}`,
    url: n % 13 === 0 ? `https://${firstLatin.toLowerCase()}${lastLatin.toLowerCase()}.example.com/` : null,
  };
}

/** How many distinct readers comment on a generated site. */
export const COMMENTERS = FIRST_NAMES.length * SURNAMES.length;
