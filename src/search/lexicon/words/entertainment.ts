// Entertainment: film, television, music, culture and festivals.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const ENTERTAINMENT = `
entertainment	मनोरंजन|एंटरटेनमेंट	t|e
film	फिल्म|चलचित्र	e|t
movie	फिल्म|मूवी	e|e
cinema	सिनेमा	e
bollywood	बॉलीवुड	e
hollywood	हॉलीवुड	e
actor	अभिनेता|एक्टर|कलाकार	t|e|t
actress	अभिनेत्री|एक्ट्रेस|हीरोइन	t|e|e
hero	हीरो|नायक	e|t
heroine	हीरोइन|नायिका	e|t
villain	खलनायक|विलेन	t|e
star	सितारा|स्टार	u|e
superstar	सुपरस्टार	e
director	निर्देशक|डायरेक्टर	t|e
film director	फिल्म निर्देशक	t
producer	निर्माता|प्रोड्यूसर	t|e
film producer	फिल्म निर्माता	t
screenplay	पटकथा	t
script	पटकथा|स्क्रिप्ट	t|e
story	कहानी|कथा	c|t
dialogue	संवाद|डायलॉग	t|e
song	गाना|गीत|सॉन्ग	c|t|e
singer	गायक|सिंगर	t|e
female singer	गायिका	t
music	संगीत|म्यूजिक	t|e
music director	संगीतकार|म्यूजिक डायरेक्टर	t|e
composer	संगीतकार	t
lyricist	गीतकार	t
lyrics	बोल|गीत के बोल	c|c
poet	कवि|शायर	t|u
poetry	कविता|शायरी	t|u
poem	कविता|नज्म	t|u
mushaira	मुशायरा	u
kavi sammelan	कवि सम्मेलन	t
concert	संगीत समारोह|कॉन्सर्ट	t|e
dance	नृत्य|डांस	t|e
dancer	नर्तक|डांसर	t|e
classical music	शास्त्रीय संगीत	t
classical dance	शास्त्रीय नृत्य	t
folk song	लोकगीत	t
folk music	लोक संगीत	t
theatre	रंगमंच|थिएटर	t|e
drama	नाटक|ड्रामा	t|e
box office	बॉक्स ऑफिस	e
box office collection	बॉक्स ऑफिस कलेक्शन|कमाई	e|c
collection	कलेक्शन|कमाई	e|c
release	रिलीज	e
film release	फिल्म रिलीज	e
trailer	ट्रेलर	e
teaser	टीजर	e
poster	पोस्टर	e
first look	फर्स्ट लुक	e
shooting of film	फिल्म की शूटिंग	e
blockbuster	ब्लॉकबस्टर	e
flop	फ्लॉप	e
hit film	हिट फिल्म	e
sequel	सीक्वल	e
remake	रीमेक	e
biopic	बायोपिक	e
web series	वेब सीरीज	e
ott	ओटीटी	e
netflix	नेटफ्लिक्स	e
serial	सीरियल|धारावाहिक	e|t
tv serial	टीवी सीरियल|धारावाहिक	e|t
reality show	रियलिटी शो	e
bigg boss	बिग बॉस	e
show	शो|कार्यक्रम	e|t
programme	कार्यक्रम|प्रोग्राम	t|e
anchor	एंकर|सूत्रधार	e|t
host	होस्ट|मेजबान	e|u
celebrity	सेलिब्रिटी|हस्ती	e|u
award	पुरस्कार|अवॉर्ड|सम्मान	t|e|t
national film award	राष्ट्रीय फिल्म पुरस्कार	t
filmfare	फिल्मफेयर	e
oscar	ऑस्कर	e
padma award	पद्म पुरस्कार	t
padma shri	पद्मश्री	t
padma bhushan	पद्म भूषण	t
padma vibhushan	पद्म विभूषण	t
bharat ratna	भारत रत्न	t
film festival	फिल्म महोत्सव|फिल्म फेस्टिवल	t|e
festival	त्योहार|पर्व|उत्सव	c|t|t
fair	मेला	c
celebration	जश्न|उत्सव|समारोह	u|t|t
ceremony	समारोह	t
diwali	दिवाली|दीपावली	c|t
holi	होली	c
eid	ईद	u
christmas	क्रिसमस	e
navratri	नवरात्रि|नवरात्र	t|t
durga puja	दुर्गा पूजा	t
dussehra	दशहरा|विजयादशमी	c|t
chhath	छठ|छठ पूजा	c|c
raksha bandhan	रक्षाबंधन|राखी	t|c
janmashtami	जन्माष्टमी	t
ganesh chaturthi	गणेश चतुर्थी	t
makar sankranti	मकर संक्रांति	t
kumbh	कुंभ|महाकुंभ	t|t
kumbh mela	कुंभ मेला	t
new year	नया साल|नववर्ष	c|t
wedding	शादी|विवाह	u|t
marriage	शादी|विवाह	u|t
engagement	सगाई	c
married	शादी	u
divorce case	तलाक का मामला	u
love	प्यार|प्रेम|इश्क|मोहब्बत	c|t|u|u
romance	रोमांस	e
affair	अफेयर	e
couple	जोड़ा|कपल	c|e
birthday	जन्मदिन|बर्थडे|सालगिरह	t|e|u
anniversary	सालगिरह|वर्षगांठ	u|t
death anniversary	पुण्यतिथि|बरसी	t|u
birth anniversary	जयंती	t
tribute	श्रद्धांजलि	t
passed away	निधन	t
fashion	फैशन	e
fashion show	फैशन शो	e
model	मॉडल	e
beauty pageant	सौंदर्य प्रतियोगिता	t
miss india	मिस इंडिया	e
photo	फोटो|तस्वीर	e|u
picture	तस्वीर|चित्र	u|t
painting	चित्रकारी|पेंटिंग	t|e
painter	चित्रकार	t
artist	कलाकार	t
art	कला	t
culture	संस्कृति|तहजीब|कल्चर	t|u|e
cultural	सांस्कृतिक	t
cultural programme	सांस्कृतिक कार्यक्रम	t
heritage	धरोहर|विरासत	t|u
museum	संग्रहालय|म्यूजियम	t|e
literature	साहित्य|अदब	t|u
writer	लेखक	t
author	लेखक|रचनाकार	t|t
novel	उपन्यास	t
book launch	पुस्तक विमोचन|किताब का विमोचन	t|u
book fair	पुस्तक मेला	t
sahitya akademi	साहित्य अकादमी	t
comedy	कॉमेडी|हास्य	e|t
comedian	कॉमेडियन|हास्य कलाकार	e|t
stand up comedy	स्टैंडअप कॉमेडी	e
horror	हॉरर|डरावनी	e|c
thriller	थ्रिलर	e
action film	एक्शन फिल्म	e
animation	एनीमेशन	e
documentary	वृत्तचित्र|डॉक्यूमेंट्री	t|e
censor board	सेंसर बोर्ड	e
cbfc	सेंसर बोर्ड|सीबीएफसी	e|e
ban on film	फिल्म पर प्रतिबंध	t
controversy over film	फिल्म पर विवाद	t
fan following	फैन फॉलोइंग	e
followers	फॉलोअर्स	e
influencer	इन्फ्लुएंसर	e
youtuber	यूट्यूबर	e
reel	रील	e
meme	मीम	e
gossip	गपशप	c
interview	साक्षात्कार|इंटरव्यू	t|e
exclusive	एक्सक्लूसिव	e
bhojpuri	भोजपुरी	c
bhojpuri film	भोजपुरी फिल्म	c
south film	साउथ फिल्म	e
tollywood	टॉलीवुड	e
ramleela	रामलीला	t
ramlila	रामलीला	t
circus	सर्कस	e
magic	जादू	u
magician	जादूगर	u
puppet	कठपुतली	c
comic	कॉमिक	e
cartoon	कार्टून	e
entertainment news	मनोरंजन समाचार|मनोरंजन की खबरें	t|u
box office record	बॉक्स ऑफिस रिकॉर्ड	e
`;
