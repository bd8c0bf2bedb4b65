// Politics and government: offices, parties, elections, parliament, policy, protest.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const POLITICS = `
government	सरकार|शासन|हुकूमत	u|t|u
state government	राज्य सरकार|प्रदेश सरकार	t|t
central government	केंद्र सरकार|केंद्रीय सरकार	t|t
centre	केंद्र|केंद्र सरकार	t|t
minister	मंत्री|वजीर	t|u
prime minister	प्रधानमंत्री|प्रधान मंत्री|पीएम|वजीर ए आजम	t|t|e|u
pm	प्रधानमंत्री|पीएम	t|e
chief minister	मुख्यमंत्री|मुख्य मंत्री|सीएम	t|t|e
cm	मुख्यमंत्री|सीएम	t|e
deputy chief minister	उपमुख्यमंत्री|उप मुख्यमंत्री|डिप्टी सीएम	t|t|e
home minister	गृह मंत्री|गृहमंत्री	t|t
finance minister	वित्त मंत्री|वित्तमंत्री	t|t
defence minister	रक्षा मंत्री|रक्षामंत्री	t|t
foreign minister	विदेश मंत्री|विदेशमंत्री	t|t
external affairs minister	विदेश मंत्री	t
education minister	शिक्षा मंत्री	t
health minister	स्वास्थ्य मंत्री	t
railway minister	रेल मंत्री	e
agriculture minister	कृषि मंत्री	t
cabinet	मंत्रिमंडल|कैबिनेट	t|e
cabinet minister	कैबिनेट मंत्री	e
minister of state	राज्य मंत्री	t
cabinet expansion	मंत्रिमंडल विस्तार|कैबिनेट विस्तार	t|e
ministry	मंत्रालय	t
president	राष्ट्रपति|प्रेसिडेंट	t|e
vice president	उपराष्ट्रपति	t
governor	राज्यपाल|गवर्नर	t|e
lieutenant governor	उपराज्यपाल|एलजी	t|e
speaker	स्पीकर|लोकसभा अध्यक्ष|विधानसभा अध्यक्ष	e|t|t
parliament	संसद|पार्लियामेंट	t|e
member of parliament	सांसद|संसद सदस्य	t|t
mp	सांसद|एमपी	t|e
mla	विधायक|एमएलए	t|e
legislator	विधायक	t
lok sabha	लोकसभा	t
rajya sabha	राज्यसभा	t
assembly	विधानसभा	t
legislative assembly	विधानसभा	t
legislative council	विधान परिषद	t
vidhan sabha	विधानसभा	t
session	सत्र|अधिवेशन	t|t
monsoon session	मानसून सत्र	t
budget session	बजट सत्र	e
winter session	शीतकालीन सत्र	t
bill	विधेयक|बिल	t|e
act	अधिनियम|कानून|एक्ट	t|u|e
ordinance	अध्यादेश	t
amendment	संशोधन	t
constitutional amendment	संविधान संशोधन	t
election	चुनाव|निर्वाचन|इलेक्शन	c|t|e
polls	चुनाव|मतदान	c|t
assembly election	विधानसभा चुनाव	t
lok sabha election	लोकसभा चुनाव|आम चुनाव	t|c
general election	आम चुनाव|लोकसभा चुनाव	c|t
by election	उपचुनाव	c
bypoll	उपचुनाव	c
local body election	निकाय चुनाव|स्थानीय निकाय चुनाव	t|t
panchayat election	पंचायत चुनाव	c
municipal election	नगर निगम चुनाव|निकाय चुनाव	t|t
election commission	चुनाव आयोग|निर्वाचन आयोग	u|t
chief election commissioner	मुख्य चुनाव आयुक्त|मुख्य निर्वाचन आयुक्त	u|t
voter	मतदाता|वोटर	t|e
vote	वोट|मत	e|t
voting	मतदान|वोटिंग	t|e
polling	मतदान|वोटिंग	t|e
polling booth	मतदान केंद्र|पोलिंग बूथ	t|e
voter list	मतदाता सूची|वोटर लिस्ट	t|e
voter id	मतदाता पहचान पत्र|वोटर आईडी	t|e
evm	ईवीएम|इलेक्ट्रॉनिक वोटिंग मशीन	e|e
ballot	मतपत्र|बैलेट	t|e
turnout	मतदान प्रतिशत|वोटिंग प्रतिशत	t|e
counting	मतगणना|वोटों की गिनती	t|c
result	नतीजा|परिणाम|रिजल्ट	u|t|e
election result	चुनाव नतीजे|चुनाव परिणाम	u|t
exit poll	एग्जिट पोल	e
opinion poll	ओपिनियन पोल|जनमत सर्वेक्षण	e|t
candidate	उम्मीदवार|प्रत्याशी|कैंडिडेट	u|t|e
nomination	नामांकन|पर्चा	t|c
campaign	प्रचार|अभियान|कैंपेन	t|t|e
election campaign	चुनाव प्रचार|चुनावी अभियान	t|t
rally	रैली|जनसभा	e|t
public meeting	जनसभा|आमसभा	t|u
roadshow	रोड शो	e
manifesto	घोषणापत्र|मेनिफेस्टो	t|e
seat	सीट	e
majority	बहुमत	t
minority	अल्पसंख्यक	t
coalition	गठबंधन	c
alliance	गठबंधन|गठजोड़	c|c
opposition	विपक्ष|प्रतिपक्ष	t|t
leader of opposition	नेता प्रतिपक्ष|विपक्ष के नेता	t|t
ruling party	सत्ताधारी दल|सत्तारूढ़ दल|सत्ता पक्ष	t|t|t
party	पार्टी|दल	e|t
political party	राजनीतिक दल|राजनीतिक पार्टी|सियासी दल	t|e|u
politics	राजनीति|सियासत	t|u
political	राजनीतिक|सियासी	t|u
politician	नेता|राजनेता|सियासतदान	c|t|u
leader	नेता|लीडर	c|e
bjp	भाजपा|बीजेपी|भारतीय जनता पार्टी	t|e|t
congress	कांग्रेस	e
samajwadi party	समाजवादी पार्टी|सपा	t|t
bsp	बसपा|बहुजन समाज पार्टी	t|t
nda	एनडीए|राजग	e|t
upa	यूपीए|संप्रग	e|t
chairman	अध्यक्ष|चेयरमैन	t|e
party president	पार्टी अध्यक्ष	e
general secretary	महासचिव	t
spokesperson	प्रवक्ता	t
worker	कार्यकर्ता	t
party worker	पार्टी कार्यकर्ता	e
supporter	समर्थक	t
resignation	इस्तीफा|त्यागपत्र	u|t
resign	इस्तीफा|त्यागपत्र	u|t
oath ceremony	शपथ ग्रहण|शपथ ग्रहण समारोह	t|t
swearing in	शपथ ग्रहण	t
no confidence motion	अविश्वास प्रस्ताव	t
floor test	बहुमत परीक्षण|फ्लोर टेस्ट	t|e
trust vote	विश्वास मत	t
resolution	प्रस्ताव|संकल्प	t|t
proposal	प्रस्ताव	t
policy	नीति|पॉलिसी	t|e
scheme	योजना|स्कीम	t|e
yojana	योजना	t
reform	सुधार	t
reservation	आरक्षण|रिजर्वेशन	t|e
quota	कोटा|आरक्षण	e|t
caste	जाति	t
caste census	जातिगत जनगणना|जाति जनगणना	t|t
census	जनगणना	t
citizenship	नागरिकता	t
citizen	नागरिक|शहरी	t|u
caa	सीएए|नागरिकता संशोधन कानून	e|t
nrc	एनआरसी|राष्ट्रीय नागरिक रजिस्टर	e|t
protest	प्रदर्शन|विरोध प्रदर्शन|धरना	t|t|c
protesters	प्रदर्शनकारी	t
demonstration	प्रदर्शन	t
sit in	धरना	c
hunger strike	भूख हड़ताल|अनशन	c|t
strike	हड़ताल	c
bandh	बंद	c
protest march	जुलूस|पदयात्रा|मार्च	u|t|e
agitation	आंदोलन	t
movement	आंदोलन	t
farmers protest	किसान आंदोलन	c
democracy	लोकतंत्र|जम्हूरियत|प्रजातंत्र	t|u|t
dictatorship	तानाशाही	u
republic	गणतंत्र|गणराज्य	t|t
nation	राष्ट्र|देश|मुल्क|कौम	t|t|u|u
country	देश|मुल्क|राष्ट्र	t|u|t
state	राज्य|प्रदेश|सूबा	t|t|u
union territory	केंद्रशासित प्रदेश	t
district	जिला|जनपद	u|t
collector	जिलाधिकारी|कलेक्टर|डीएम	u|e|e
district magistrate	जिलाधिकारी|डीएम|जिला मजिस्ट्रेट	u|e|e
administration	प्रशासन|इंतजामिया	t|u
official	अधिकारी|अफसर	t|u
officer	अधिकारी|अफसर|ऑफिसर	t|u|e
bureaucrat	नौकरशाह|अफसर	u|u
bureaucracy	नौकरशाही|अफसरशाही	u|u
secretary	सचिव|सेक्रेटरी	t|e
chief secretary	मुख्य सचिव	t
mayor	महापौर|मेयर	t|e
municipal corporation	नगर निगम	t
municipality	नगर पालिका|नगरपालिका	t|t
councillor	पार्षद	t
panchayat	पंचायत	c
sarpanch	सरपंच|ग्राम प्रधान	c|c
village head	ग्राम प्रधान|सरपंच|मुखिया	c|c|c
corruption	भ्रष्टाचार|करप्शन	t|e
scam	घोटाला|स्कैम	c|e
bribe	रिश्वत|घूस	u|c
bribery	रिश्वतखोरी|घूसखोरी	u|c
black money	काला धन|कालाधन	c|c
lokpal	लोकपाल	t
cbi	सीबीआई|केंद्रीय जांच ब्यूरो	e|t
ed	ईडी|प्रवर्तन निदेशालय	e|t
enforcement directorate	प्रवर्तन निदेशालय|ईडी	t|e
raid	छापा|छापेमारी|रेड	c|c|e
investigation	जांच|तफ्तीश|अन्वेषण	c|u|t
inquiry	जांच	c
probe	जांच	c
foreign policy	विदेश नीति	t
diplomacy	कूटनीति	t
diplomat	राजनयिक	t
ambassador	राजदूत	t
embassy	दूतावास	t
high commission	उच्चायोग	t
visit	दौरा|यात्रा	u|t
summit	शिखर सम्मेलन|सम्मेलन	t|t
conference	सम्मेलन|कॉन्फ्रेंस	t|e
meeting	बैठक|मीटिंग	c|e
talks	बातचीत|वार्ता	c|t
agreement	समझौता|करार	u|u
treaty	संधि	t
deal	सौदा|समझौता|डील	u|u|e
sanctions	प्रतिबंध	t
ban	प्रतिबंध|पाबंदी|रोक|बैन	t|u|c|e
war	युद्ध|जंग|लड़ाई	t|u|c
ceasefire	युद्धविराम|संघर्ष विराम|सीजफायर	t|t|e
peace	शांति|अमन	t|u
peace talks	शांति वार्ता	t
terrorism	आतंकवाद|दहशतगर्दी	t|u
terrorist	आतंकी|आतंकवादी|दहशतगर्द	t|t|u
terror attack	आतंकी हमला|आतंकवादी हमला	t|t
army	सेना|फौज|आर्मी	t|u|e
military	सेना|सैन्य|फौज	t|t|u
soldier	सैनिक|जवान|फौजी	t|c|u
jawan	जवान|सैनिक	c|t
air force	वायुसेना|एयरफोर्स	t|e
navy	नौसेना|नेवी	t|e
border	सीमा|सरहद|बॉर्डर	t|u|e
national security	राष्ट्रीय सुरक्षा	t
security	सुरक्षा|हिफाजत	t|u
defence	रक्षा	t
surgical strike	सर्जिकल स्ट्राइक	e
infiltration	घुसपैठ	c
martyr	शहीद	u
martyred	शहीद	u
independence	आजादी|स्वतंत्रता|स्वाधीनता	u|t|t
freedom	आजादी|स्वतंत्रता	u|t
independence day	स्वतंत्रता दिवस|आजादी का दिन	t|u
republic day	गणतंत्र दिवस	t
freedom fighter	स्वतंत्रता सेनानी	t
national anthem	राष्ट्रगान	t
flag	झंडा|ध्वज|तिरंगा	c|t|t
tricolour	तिरंगा	t
refugee	शरणार्थी|रिफ्यूजी	t|e
migrant	प्रवासी	t
migrant workers	प्रवासी मजदूर	u
welfare	कल्याण	t
public	जनता|आम जनता|लोग	t|c|c
people	लोग|जनता|अवाम	c|t|u
speech	भाषण|संबोधन|तकरीर	t|t|u
address	संबोधन	t
statement	बयान|वक्तव्य	u|t
announcement	घोषणा|ऐलान	t|u
announced	घोषणा|ऐलान	t|u
promise	वादा|वचन	u|t
allegation	आरोप|इल्जाम	t|u
controversy	विवाद	t
remark	टिप्पणी	t
criticism	आलोचना|नुक्ताचीनी	t|u
attack	हमला|आक्रमण|वार	u|t|c
challenge	चुनौती	t
victory	जीत|विजय|फतह	c|t|u
defeat	हार|पराजय|शिकस्त	c|t|u
win	जीत|विजय	c|t
lose	हार	c
power	सत्ता|ताकत|शक्ति	t|u|t
ministerial	मंत्रीस्तरीय	t
federal	संघीय	t
governance	शासन|सुशासन	t|t
good governance	सुशासन	t
emergency	आपातकाल|इमरजेंसी	t|e
president rule	राष्ट्रपति शासन	t
capital	राजधानी	t
delegation	प्रतिनिधिमंडल	t
representative	प्रतिनिधि|नुमाइंदा	t|u
public representative	जनप्रतिनिधि	t
constituency	निर्वाचन क्षेत्र|सीट|संसदीय क्षेत्र	t|e|t
ticket	टिकट	e
defection	दलबदल	t
horse trading	खरीद फरोख्त	c
hung assembly	त्रिशंकु विधानसभा	t
aam aadmi party	आम आदमी पार्टी	c
minority government	अल्पमत सरकार	t
`;
