// Everyday news words that belong to no one desk: people, places, time, society, religion, transport.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const GENERAL = `
news	खबर|समाचार|न्यूज	u|t|e
breaking news	ब्रेकिंग न्यूज|ताजा खबर	e|u
latest news	ताजा खबर|ताजा समाचार	u|t
newspaper	अखबार|समाचार पत्र	u|t
journalist	पत्रकार	t
journalism	पत्रकारिता	t
media house	मीडिया हाउस	e
press	प्रेस	e
press conference	प्रेस कॉन्फ्रेंस|संवाददाता सम्मेलन|पत्रकार वार्ता	e|t|t
reporter	संवाददाता|रिपोर्टर	t|e
editor	संपादक	t
man	आदमी|पुरुष|व्यक्ति	u|t|t
woman	महिला|औरत|स्त्री	t|u|t
person	व्यक्ति|शख्स	t|u
child	बच्चा|बालक|शिशु	c|t|t
boy	लड़का|बालक	c|t
girl	लड़की|बालिका	c|t
youth	युवा|नौजवान	t|u
young	युवा|जवान	t|c
elderly	बुजुर्ग|वृद्ध	u|t
old age	बुढ़ापा|वृद्धावस्था	c|t
senior citizen	वरिष्ठ नागरिक|बुजुर्ग	t|u
family	परिवार|खानदान|फैमिली	t|u|e
mother	मां|माता	c|t
father	पिता|बाप|पापा	t|c|e
son	बेटा|पुत्र	c|t
daughter	बेटी|पुत्री	c|t
brother	भाई|भ्राता	c|t
sister	बहन	c
husband	पति|शौहर	t|u
wife	पत्नी|बीवी	t|u
friend	दोस्त|मित्र	u|t
neighbour	पड़ोसी	c
relative	रिश्तेदार|संबंधी	u|t
village	गांव|ग्राम	c|t
villagers	ग्रामीण|गांव वाले	t|c
rural	ग्रामीण|देहाती	t|c
city	शहर|नगर	u|t
urban	शहरी	u
town	कस्बा|नगर	u|t
capital city	राजधानी	t
area	इलाका|क्षेत्र	u|t
region	क्षेत्र	t
locality	मोहल्ला|इलाका	u|u
colony	कॉलोनी|बस्ती	e|c
slum	झुग्गी|झुग्गी बस्ती	c|c
house	घर|मकान	c|u
home	घर	c
building	इमारत|भवन|बिल्डिंग	u|t|e
road	सड़क|मार्ग|रोड	c|t|e
bridge	पुल|सेतु	c|t
flyover	फ्लाईओवर	e
traffic	यातायात|ट्रैफिक	t|e
traffic jam	जाम|ट्रैफिक जाम	u|e
traffic police	यातायात पुलिस|ट्रैफिक पुलिस	t|e
challan	चालान	u
driving licence	ड्राइविंग लाइसेंस	e
vehicle	वाहन|गाड़ी	t|c
car	कार|गाड़ी	e|c
bus	बस	e
truck	ट्रक	e
bike	बाइक	e
motorcycle	मोटरसाइकिल|बाइक	e|e
scooter	स्कूटर	e
auto	ऑटो	e
e rickshaw	ई रिक्शा	e
train	ट्रेन|रेलगाड़ी	e|c
train accident	रेल हादसा|ट्रेन हादसा	u|u
derailment	बेपटरी	c
derailed	पटरी से उतरी	c
railway station	रेलवे स्टेशन	e
station	स्टेशन	e
metro	मेट्रो	e
vande bharat	वंदे भारत	t
flight	उड़ान|फ्लाइट	c|e
passenger	यात्री|मुसाफिर	t|u
journey	यात्रा|सफर	t|u
travel	यात्रा|सफर	t|u
ticket booking	टिकट बुकिंग	e
fare	किराया	u
toll plaza	टोल प्लाजा	e
parking	पार्किंग	e
pilgrimage	तीर्थयात्रा	t
pilgrims	श्रद्धालु|तीर्थयात्री	t|t
devotees	श्रद्धालु|भक्त	t|t
devotee	भक्त|श्रद्धालु	t|t
temple	मंदिर|देवालय	t|t
mosque	मस्जिद	u
church	चर्च|गिरजाघर	e|c
gurudwara	गुरुद्वारा	t
religion	धर्म|मजहब	t|u
religious	धार्मिक|मजहबी	t|u
god	भगवान|ईश्वर|खुदा	c|t|u
prayer	प्रार्थना|दुआ|नमाज	t|u|u
worship	पूजा|उपासना|इबादत	t|t|u
hindu	हिंदू	c
muslim	मुसलमान|मुस्लिम	u|u
sikh	सिख	c
christian	ईसाई	c
saint	संत|साधु	t|t
priest	पुजारी|पंडित	c|t
ram temple	राम मंदिर	t
ayodhya	अयोध्या	t
society	समाज|सोसाइटी	t|e
social	सामाजिक	t
community	समुदाय	t
tribe	जनजाति|आदिवासी	t|t
tribal	आदिवासी|जनजातीय	t|t
dalit	दलित	t
backward class	पिछड़ा वर्ग	c
obc	ओबीसी|अन्य पिछड़ा वर्ग	e|c
scheduled caste	अनुसूचित जाति|एससी	t|e
scheduled tribe	अनुसूचित जनजाति|एसटी	t|e
gender	लिंग|जेंडर	t|e
equality	समानता|बराबरी	t|u
discrimination	भेदभाव	t
women empowerment	महिला सशक्तिकरण	t
women safety	महिला सुरक्षा	t
child marriage	बाल विवाह	t
widow	विधवा|बेवा	t|u
orphan	अनाथ|यतीम	t|u
disabled	दिव्यांग|विकलांग	t|t
disability	दिव्यांगता|विकलांगता	t|t
transgender	ट्रांसजेंडर|किन्नर	e|c
volunteer	स्वयंसेवक	t
ngo	एनजीओ|गैर सरकारी संगठन|स्वयंसेवी संस्था	e|u|t
organisation	संगठन|संस्था	t|t
organization	संगठन|संस्था	t|t
institution	संस्थान|संस्था	t|t
department	विभाग|महकमा	t|u
office	दफ्तर|कार्यालय|ऑफिस	u|t|e
committee	समिति|कमेटी	t|e
commission	आयोग	t
board	बोर्ड|मंडल	e|t
council	परिषद	t
union	संघ|यूनियन	t|e
member	सदस्य|मेंबर	t|e
chief	प्रमुख|मुख्य	t|t
director general	महानिदेशक	t
in charge	प्रभारी	t
employee strike	कर्मचारियों की हड़ताल	t
development	विकास|तरक्की	t|u
progress	प्रगति|तरक्की	t|u
project	परियोजना|प्रोजेक्ट	t|e
construction	निर्माण	t
inauguration	उद्घाटन|लोकार्पण	t|t
foundation stone	शिलान्यास|आधारशिला	t|t
smart city	स्मार्ट सिटी	e
cleanliness drive	स्वच्छता अभियान|सफाई अभियान	t|u
garbage	कूड़ा|कचरा	c|c
waste	कचरा|अपशिष्ट	c|t
sewer	सीवर	e
drain	नाला|नाली	c|c
water supply	जलापूर्ति|पानी की आपूर्ति	t|c
tap water	नल का पानी	c
pipeline	पाइपलाइन	e
street light	स्ट्रीट लाइट	e
park	पार्क|उद्यान	e|t
market place	बाजार	u
shopping mall	मॉल|शॉपिंग मॉल	e|e
hotel	होटल	e
restaurant	रेस्टोरेंट|भोजनालय	e|t
food	खाना|भोजन|खाद्य	c|t|t
meal	भोजन|खाना	t|c
hunger	भूख|क्षुधा	c|t
help	मदद|सहायता	u|t
aid	सहायता|मदद	t|u
donation	दान|चंदा	t|u
charity	दान|खैरात	t|u
land	जमीन|भूमि	u|t
land acquisition	भूमि अधिग्रहण	t
registry	रजिस्ट्री	e
document	दस्तावेज|कागजात	u|u
certificate	प्रमाणपत्र|सर्टिफिकेट	t|e
identity card	पहचान पत्र	t
passport	पासपोर्ट	e
visa	वीजा	e
birth certificate	जन्म प्रमाणपत्र	t
death certificate	मृत्यु प्रमाणपत्र	t
pension scheme	पेंशन योजना	e
free	मुफ्त|निःशुल्क	u|t
information	जानकारी|सूचना	c|t
problem	समस्या|परेशानी|दिक्कत	t|u|u
crisis	संकट|बहरान	t|u
shortage	किल्लत|कमी	u|c
demand	मांग	c
decision	फैसला|निर्णय	u|t
order issued	आदेश जारी	t
rule	नियम|कायदा	t|u
guidelines	दिशानिर्देश|गाइडलाइन	t|e
law and order	कानून व्यवस्था	u
system	व्यवस्था|प्रणाली|सिस्टम	t|t|e
arrangement	व्यवस्था|इंतजाम	t|u
preparation	तैयारी	c
survey	सर्वेक्षण|सर्वे	t|e
list	सूची|लिस्ट	t|e
figures	आंकड़े	c
percent	प्रतिशत|फीसदी	t|u
percentage	प्रतिशत|फीसदी	t|u
increase	बढ़ोतरी|वृद्धि|इजाफा	c|t|u
decrease	कमी|गिरावट	c|c
decline	गिरावट	c
rise	बढ़ोतरी|उछाल	c|c
record high	रिकॉर्ड ऊंचाई	e
world	दुनिया|विश्व|जगत	u|t|t
international	अंतरराष्ट्रीय	t
national	राष्ट्रीय	t
foreign	विदेशी	t
abroad	विदेश	t
indian	भारतीय|हिंदुस्तानी	t|u
india	भारत|हिंदुस्तान|इंडिया	t|u|e
pakistan	पाकिस्तान	u
china	चीन	c
america	अमेरिका	e
usa	अमेरिका	e
russia	रूस	c
ukraine	यूक्रेन	e
britain	ब्रिटेन	e
uk	ब्रिटेन	e
nepal	नेपाल	c
bangladesh	बांग्लादेश	c
sri lanka	श्रीलंका	t
israel	इजराइल	e
palestine	फिलिस्तीन	e
iran	ईरान	u
afghanistan	अफगानिस्तान	u
japan	जापान	e
germany	जर्मनी	e
france	फ्रांस	e
delhi	दिल्ली	c
mumbai	मुंबई	c
kolkata	कोलकाता	c
chennai	चेन्नई	c
bengaluru	बेंगलुरु	c
bangalore	बेंगलुरु|बैंगलोर	c|e
lucknow	लखनऊ	c
patna	पटना	c
jaipur	जयपुर	c
bhopal	भोपाल	c
varanasi	वाराणसी|बनारस|काशी	t|c|t
prayagraj	प्रयागराज|इलाहाबाद	t|u
allahabad	इलाहाबाद|प्रयागराज	u|t
uttar pradesh	उत्तर प्रदेश|यूपी	t|e
up	उत्तर प्रदेश|यूपी	t|e
bihar	बिहार	c
madhya pradesh	मध्य प्रदेश|एमपी	t|e
rajasthan	राजस्थान	t
maharashtra	महाराष्ट्र	t
gujarat	गुजरात	c
punjab	पंजाब	u
haryana	हरियाणा	c
jharkhand	झारखंड	c
chhattisgarh	छत्तीसगढ़	c
uttarakhand	उत्तराखंड	t
himachal	हिमाचल|हिमाचल प्रदेश	t|t
jammu and kashmir	जम्मू कश्मीर	c
kashmir	कश्मीर	c
west bengal	पश्चिम बंगाल|बंगाल	t|c
bengal	बंगाल	c
odisha	ओडिशा	c
assam	असम	c
kerala	केरल	c
tamil nadu	तमिलनाडु	c
karnataka	कर्नाटक	c
telangana	तेलंगाना	c
andhra pradesh	आंध्र प्रदेश	t
goa	गोवा	c
manipur	मणिपुर	c
northeast	पूर्वोत्तर	t
ganga	गंगा	t
yamuna	यमुना	t
himalaya	हिमालय	t
purchase	खरीद|खरीदारी	u|u
buy	खरीद|खरीदना	u|u
sale	बिक्री|सेल	t|e
sell	बेचना|बिक्री	c|t
shopping	खरीदारी|शॉपिंग	u|e
registration	पंजीकरण|रजिस्ट्रेशन|पंजीयन	t|e|t
register	रजिस्टर|पंजीकरण	e|t
application form	आवेदन पत्र|फॉर्म	t|e
apply	आवेदन	t
last date	अंतिम तिथि|आखिरी तारीख	t|u
ward	वार्ड	e
advice	सलाह|परामर्श	u|t
suggestion	सुझाव	t
opinion	राय|मत	u|t
question	सवाल|प्रश्न	u|t
answer	जवाब|उत्तर	u|t
sweets	मिठाई|मिठाइयां	c|c
sweet shop	मिठाई की दुकान	c
electric	इलेक्ट्रिक|बिजली से चलने वाला	e|c
celebrations	जश्न	u
crowd	भीड़	c
queue	कतार|लाइन	u|e
mistake	गलती|भूल	u|c
truth	सच|सत्य|सच्चाई	c|t|c
fear	डर|भय|खौफ	c|t|u
anger	गुस्सा|क्रोध|नाराजगी	u|t|u
angry	नाराज|गुस्साए	u|u
happy	खुश|प्रसन्न	u|t
sad	दुखी|उदास	t|u
mourning	शोक|मातम	t|u
condolence	शोक संवेदना	t
hope	उम्मीद|आशा	u|t
trust	भरोसा|विश्वास	c|t
effort	प्रयास|कोशिश	t|u
future	भविष्य	t
special	विशेष|खास|स्पेशल	t|u|e
important	महत्वपूर्ण|अहम	t|u
safe	सुरक्षित	t
danger	खतरा	u
dangerous	खतरनाक	u
risk	जोखिम|खतरा	c|u
damage	नुकसान|क्षति	u|t
loss of life	जनहानि	t
help desk	हेल्प डेस्क|सहायता केंद्र	e|t
helpline	हेल्पलाइन	e
helpline number	हेल्पलाइन नंबर	e
control room	कंट्रोल रूम|नियंत्रण कक्ष	e|t
camp	शिविर|कैंप	t|e
health camp	स्वास्थ्य शिविर|हेल्थ कैंप	t|e
event	कार्यक्रम|आयोजन|इवेंट	t|t|e
organised	आयोजित	t
invitation	न्योता|निमंत्रण|आमंत्रण	c|t|t
guest	मेहमान|अतिथि	u|t
chief guest	मुख्य अतिथि	t
welcome	स्वागत	t
farewell	विदाई	c
honour	सम्मान|इज्जत	t|u
honoured	सम्मानित	t
felicitation	सम्मान समारोह	t
statue	प्रतिमा|मूर्ति	t|t
memorial	स्मारक	t
monument	स्मारक	t
fort	किला|दुर्ग	u|t
palace	महल	u
lake	झील	c
pond	तालाब	c
canal	नहर	u
mountain	पहाड़|पर्वत	c|t
hill	पहाड़ी	c
desert	रेगिस्तान|मरुस्थल	u|t
island	द्वीप|टापू	t|c
animal	जानवर|पशु	u|t
animals	जानवर|पशु	u|t
cow	गाय|गौ	c|t
stray animals	आवारा पशु|छुट्टा जानवर	u|c
stray dogs	आवारा कुत्ते	u
dog	कुत्ता|श्वान	c|t
monkey	बंदर	c
bird	पक्षी|चिड़िया|परिंदा	t|c|u
birds	पक्षी|परिंदे	t|u
snake	सांप|सर्प	c|t
fish	मछली	c
fisherman	मछुआरा	c
`;
