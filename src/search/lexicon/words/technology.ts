// Technology: internet, phones, computing, space, science.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const TECHNOLOGY = `
technology	प्रौद्योगिकी|तकनीक|टेक्नोलॉजी	t|u|e
tech	तकनीक|टेक	u|e
technical	तकनीकी	u
internet	इंटरनेट	e
internet shutdown	इंटरनेट बंद|इंटरनेट शटडाउन	e|e
mobile	मोबाइल	e
mobile phone	मोबाइल फोन	e
smartphone	स्मार्टफोन	e
phone	फोन	e
computer	कंप्यूटर|संगणक	e|t
laptop	लैपटॉप	e
software	सॉफ्टवेयर	e
app	ऐप|एप	e|e
application	ऐप|आवेदन	e|t
website	वेबसाइट	e
social media	सोशल मीडिया	e
facebook	फेसबुक	e
whatsapp	व्हाट्सएप	e
twitter	ट्विटर|एक्स	e|e
instagram	इंस्टाग्राम	e
youtube	यूट्यूब	e
google	गूगल	e
post	पोस्ट	e
viral	वायरल	e
viral video	वायरल वीडियो	e
video	वीडियो	e
fake news	फर्जी खबर|फेक न्यूज	u|e
misinformation	भ्रामक जानकारी|गलत सूचना	t|u
fact check	फैक्ट चेक|तथ्य जांच	e|t
artificial intelligence	कृत्रिम बुद्धिमत्ता|आर्टिफिशियल इंटेलिजेंस|एआई	t|e|e
ai	एआई|कृत्रिम बुद्धिमत्ता	e|t
chatbot	चैटबॉट	e
robot	रोबोट	e
data	डेटा|आंकड़े	e|c
data leak	डेटा लीक	e
data protection	डेटा संरक्षण|डेटा सुरक्षा	t|t
cyber security	साइबर सुरक्षा	t
cyber attack	साइबर हमला	u
hacking	हैकिंग	e
hacked	हैक	e
password	पासवर्ड	e
otp	ओटीपी	e
online	ऑनलाइन	e
digital	डिजिटल	e
digital india	डिजिटल इंडिया	e
5g	5जी	e
network	नेटवर्क	e
telecom	दूरसंचार|टेलीकॉम	t|e
broadband	ब्रॉडबैंड	e
satellite	उपग्रह|सैटेलाइट	t|e
space	अंतरिक्ष|स्पेस	t|e
isro	इसरो|भारतीय अंतरिक्ष अनुसंधान संगठन	e|t
nasa	नासा	e
rocket	रॉकेट	e
launch	प्रक्षेपण|लॉन्च	t|e
mission	मिशन|अभियान	e|t
moon mission	चंद्र मिशन|चंद्रयान	t|t
chandrayaan	चंद्रयान	t
gaganyaan	गगनयान	t
astronaut	अंतरिक्ष यात्री	t
scientist	वैज्ञानिक	t
discovery	खोज	c
invention	आविष्कार	t
innovation	नवाचार	t
electric vehicle	इलेक्ट्रिक वाहन|ईवी	e|e
ev	ईवी|इलेक्ट्रिक वाहन	e|e
battery	बैटरी	e
charging	चार्जिंग	e
semiconductor	सेमीकंडक्टर	e
chip	चिप	e
electronics	इलेक्ट्रॉनिक्स	e
gadget	गैजेट	e
camera	कैमरा	e
drone	ड्रोन	e
aadhaar	आधार|आधार कार्ड	t|t
aadhaar card	आधार कार्ड	t
pan card	पैन कार्ड	e
digilocker	डिजीलॉकर	e
e governance	ई गवर्नेंस	e
server	सर्वर	e
cloud computing	क्लाउड कंप्यूटिंग	e
email	ईमेल	e
sim card	सिम कार्ड	e
sim	सिम	e
recharge	रिचार्ज	e
tariff hike	टैरिफ बढ़ोतरी	e
jio	जियो	e
airtel	एयरटेल	e
apple	एप्पल	e
iphone	आईफोन	e
android	एंड्रॉयड	e
update	अपडेट	e
download	डाउनलोड	e
feature	फीचर	e
launch date	लॉन्च डेट|लॉन्च की तारीख	e|u
price in india	भारत में कीमत	u
review	रिव्यू|समीक्षा	e|t
screen	स्क्रीन	e
television	टेलीविजन|टीवी	e|e
tv	टीवी	e
radio	रेडियो	e
podcast	पॉडकास्ट	e
gaming	गेमिंग	e
online gaming	ऑनलाइन गेमिंग	e
cryptocurrency	क्रिप्टोकरेंसी	e
bitcoin	बिटकॉइन	e
blockchain	ब्लॉकचेन	e
startup india	स्टार्टअप इंडिया	e
it sector	आईटी सेक्टर	e
it company	आईटी कंपनी	e
engineer	इंजीनियर|अभियंता	e|t
software engineer	सॉफ्टवेयर इंजीनियर	e
coding	कोडिंग	e
science and technology	विज्ञान और प्रौद्योगिकी	t
research centre	अनुसंधान केंद्र	t
laboratory	प्रयोगशाला|लैब	t|e
experiment	प्रयोग	t
nuclear	परमाणु|न्यूक्लियर	t|e
nuclear power	परमाणु ऊर्जा	t
atomic	परमाणु	t
missile	मिसाइल|प्रक्षेपास्त्र	e|t
missile test	मिसाइल परीक्षण	e
fighter jet	लड़ाकू विमान|फाइटर जेट	c|e
aircraft	विमान|हवाई जहाज	t|u
plane	विमान|हवाई जहाज|प्लेन	t|u|e
helicopter	हेलिकॉप्टर	e
spacecraft	अंतरिक्ष यान	t
telescope	दूरबीन|टेलीस्कोप	u|e
planet	ग्रह	t
mars	मंगल|मंगल ग्रह	t|t
galaxy	आकाशगंगा	t
asteroid	क्षुद्रग्रह	t
comet	धूमकेतु	t
sun mission	सूर्य मिशन|आदित्य एल1	t|t
gps	जीपीएस	e
map	नक्शा|मानचित्र	u|t
digital rupee	डिजिटल रुपया	e
qr code	क्यूआर कोड	e
fintech	फिनटेक	e
online shopping	ऑनलाइन शॉपिंग|ऑनलाइन खरीदारी	e|u
e commerce	ई कॉमर्स	e
delivery app	डिलीवरी ऐप	e
cab	कैब|टैक्सी	e|e
spam call	स्पैम कॉल	e
fraud call	फर्जी कॉल	u
deepfake	डीपफेक	e
algorithm	एल्गोरिदम	e
privacy policy	प्राइवेसी पॉलिसी|निजता नीति	e|t
programming	प्रोग्रामिंग	e
computer lab	कंप्यूटर लैब	e
tablet	टैबलेट	e
free laptop	मुफ्त लैपटॉप	u
internet connection	इंटरनेट कनेक्शन	e
wifi	वाईफाई	e
speed	स्पीड|गति|रफ्तार	e|t|u
storage	स्टोरेज	e
virtual reality	वर्चुअल रियलिटी	e
metaverse	मेटावर्स	e
smartwatch	स्मार्टवॉच	e
earbuds	ईयरबड्स	e
charger	चार्जर	e
television set	टीवी सेट	e
satellite launch	उपग्रह प्रक्षेपण	t
space station	अंतरिक्ष स्टेशन	t
science fair	विज्ञान मेला	t
science exhibition	विज्ञान प्रदर्शनी	t
patent	पेटेंट	e
copyright	कॉपीराइट	e
`;
