// Crime and policing: offences, police work, accidents and disasters of human making.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const CRIME = `
crime	अपराध|जुर्म|क्राइम	t|u|e
criminal	अपराधी|मुजरिम	t|u
police	पुलिस	e
policeman	पुलिसकर्मी|सिपाही|पुलिसवाला	e|u|e
police station	थाना|पुलिस स्टेशन|कोतवाली	c|e|u
police officer	पुलिस अधिकारी|पुलिस अफसर	t|u
constable	सिपाही|कांस्टेबल	u|e
head constable	हेड कांस्टेबल|हवलदार	e|u
inspector	इंस्पेक्टर|निरीक्षक	e|t
sub inspector	दरोगा|सब इंस्पेक्टर|उपनिरीक्षक	u|e|t
station house officer	थाना प्रभारी|एसएचओ	t|e
sho	थाना प्रभारी|एसएचओ	t|e
superintendent of police	पुलिस अधीक्षक|एसपी	t|e
dgp	पुलिस महानिदेशक|डीजीपी	t|e
police commissioner	पुलिस आयुक्त|पुलिस कमिश्नर	t|e
arrest	गिरफ्तारी|गिरफ्तार|अरेस्ट	u|u|e
arrested	गिरफ्तार	u
detained	हिरासत में|पकड़ा	u|c
fir	एफआईआर|प्राथमिकी	e|t
first information report	प्राथमिकी|एफआईआर	t|e
case registered	मामला दर्ज|केस दर्ज	u|e
murder	हत्या|कत्ल|मर्डर	t|u|e
killed	मौत|मारा गया|हत्या	u|c|t
killing	हत्या|कत्ल	t|u
murderer	हत्यारा|कातिल	t|u
honour killing	ऑनर किलिंग|इज्जत के नाम पर हत्या	e|u
attempt to murder	हत्या का प्रयास|जानलेवा हमला	t|u
dead body	शव|लाश	t|u
corpse	शव|लाश	t|u
postmortem	पोस्टमार्टम|शव परीक्षण	e|t
autopsy	पोस्टमार्टम|शव परीक्षण	e|t
suicide	आत्महत्या|खुदकुशी|सुसाइड	t|u|e
suicide note	सुसाइड नोट	e
rape	दुष्कर्म|बलात्कार|रेप	t|t|e
gang rape	सामूहिक दुष्कर्म|गैंगरेप	t|e
molestation	छेड़छाड़	c
sexual harassment	यौन उत्पीड़न	t
harassment	उत्पीड़न|प्रताड़ना	t|t
dowry	दहेज	c
dowry death	दहेज हत्या	c
domestic violence	घरेलू हिंसा	t
violence	हिंसा	t
theft	चोरी	c
thief	चोर	c
robbery	लूट|डकैती	c|c
robber	लुटेरा|डकैत	c|c
dacoity	डकैती	c
dacoit	डकैत|डाकू	c|c
loot	लूट|लूटपाट	c|c
burglary	सेंधमारी|चोरी	c|c
chain snatching	चेन स्नैचिंग|चेन लूट	e|c
snatching	झपटमारी|छिनैती	c|c
kidnapping	अपहरण|किडनैपिंग	t|e
kidnap	अपहरण|अगवा	t|u
kidnapped	अगवा|अपहरण	u|t
abduction	अपहरण|अगवा	t|u
ransom	फिरौती	u
extortion	रंगदारी|जबरन वसूली	u|u
threat	धमकी	c
threatened	धमकी	c
fraud	धोखाधड़ी|ठगी|फ्रॉड	c|c|e
cheating	धोखाधड़ी|ठगी	c|c
cheat	ठग|धोखेबाज	c|u
fraudster	ठग|जालसाज	c|u
forgery	जालसाजी	u
cyber crime	साइबर अपराध|साइबर क्राइम	t|e
cyber fraud	साइबर ठगी|साइबर धोखाधड़ी|साइबर फ्रॉड	c|c|e
online fraud	ऑनलाइन ठगी|ऑनलाइन धोखाधड़ी	c|c
digital arrest	डिजिटल अरेस्ट	e
hacker	हैकर	e
gang	गिरोह|गैंग	u|e
gangster	गैंगस्टर|बदमाश	e|u
mafia	माफिया	e
miscreants	बदमाश	u
goon	गुंडा|बदमाश	c|u
history sheeter	हिस्ट्रीशीटर	e
encounter	मुठभेड़|एनकाउंटर	c|e
firing	गोलीबारी|फायरिंग	c|e
shooting	गोलीबारी|फायरिंग|गोलीकांड	c|e|c
shot dead	गोली मारकर हत्या	c
gun	बंदूक|तमंचा|गन	u|u|e
pistol	पिस्तौल|तमंचा	e|u
illegal weapon	अवैध हथियार	t
weapon	हथियार|अस्त्र|शस्त्र	u|t|t
bullet	गोली	c
knife	चाकू|छुरा	c|c
stabbing	चाकूबाजी|चाकू से हमला	c|c
bomb	बम	e
blast	धमाका|विस्फोट|ब्लास्ट	c|t|e
explosion	विस्फोट|धमाका	t|c
explosives	विस्फोटक	t
drugs	ड्रग्स|नशीले पदार्थ|मादक पदार्थ	e|u|t
drug	ड्रग्स|नशा	e|u
drug peddler	ड्रग तस्कर|नशा तस्कर	e|u
smuggling	तस्करी	u
smuggler	तस्कर	u
liquor	शराब|मदिरा	u|t
illicit liquor	अवैध शराब|जहरीली शराब	t|u
hooch tragedy	जहरीली शराब कांड	u
gambling	जुआ	c
betting	सट्टा|सट्टेबाजी	c|c
human trafficking	मानव तस्करी	t
trafficking	तस्करी	u
child labour	बाल श्रम|बाल मजदूरी	t|u
missing	लापता|गुमशुदा	c|u
missing person	लापता व्यक्ति|गुमशुदा	c|u
absconding	फरार	u
absconder	फरार	u
fugitive	भगोड़ा|फरार	c|u
wanted	वांछित	t
reward	इनाम	u
bounty	इनाम	u
surrender	आत्मसमर्पण|सरेंडर	t|e
escape	फरार|भाग निकला	u|c
jailbreak	जेल से फरार	u
prisoner	कैदी|बंदी	u|t
undertrial	विचाराधीन कैदी	t
accident	दुर्घटना|हादसा|एक्सीडेंट	t|u|e
road accident	सड़क हादसा|सड़क दुर्घटना|रोड एक्सीडेंट	u|t|e
collision	टक्कर|भिड़ंत	c|c
hit and run	हिट एंड रन	e
overturned	पलटी|पलट गई	c|c
injured	घायल|जख्मी	c|u
injury	चोट|जख्म	c|u
seriously injured	गंभीर रूप से घायल|गंभीर घायल	t|t
death	मौत|मृत्यु|निधन	u|t|t
died	मौत|मृत्यु	u|t
dead	मृत|मृतक	t|t
deceased	मृतक	t
casualties	हताहत	t
death toll	मृतकों की संख्या	t
fire	आग|अग्निकांड	c|t
fire brigade	दमकल|फायर ब्रिगेड	u|e
fire tender	दमकल	u
short circuit	शॉर्ट सर्किट	e
stampede	भगदड़	c
building collapse	इमारत गिरी|भवन ढहा	u|t
collapse	ढहना|गिरना	c|c
drowned	डूबा|डूबकर मौत	c|c
drowning	डूबना|डूबने से मौत	c|c
electrocution	करंट लगना|करंट से मौत	e|e
riot	दंगा|फसाद	c|u
communal violence	सांप्रदायिक हिंसा	t
clash	झड़प|संघर्ष|टकराव	c|t|c
stone pelting	पथराव|पत्थरबाजी	c|u
lathicharge	लाठीचार्ज	c
lathi charge	लाठीचार्ज	c
tear gas	आंसू गैस	c
curfew	कर्फ्यू	e
mob lynching	मॉब लिंचिंग|भीड़ हिंसा	e|c
lynching	मॉब लिंचिंग|भीड़ हिंसा	e|c
mob	भीड़	c
assault	मारपीट|हमला	c|u
beaten	पिटाई|मारपीट	c|c
fight	लड़ाई|झगड़ा|मारपीट	c|c|c
quarrel	झगड़ा|विवाद	c|t
vandalism	तोड़फोड़	c
arson	आगजनी	c
acid attack	तेजाब हमला|एसिड अटैक	u|e
cow smuggling	गौ तस्करी	t
poaching	शिकार|अवैध शिकार	u|t
land grab	जमीन कब्जा|अवैध कब्जा	u|u
encroachment	अतिक्रमण|अवैध कब्जा	t|u
bulldozer	बुलडोजर	e
demolition	ध्वस्तीकरण|बुलडोजर कार्रवाई	t|e
action	कार्रवाई|कार्यवाही|एक्शन	u|t|e
crackdown	कार्रवाई|शिकंजा	u|u
seized	जब्त|बरामद	u|u
seizure	जब्ती|बरामदगी	u|u
recovered	बरामद	u
recovery	बरामदगी|वसूली	u|u
confiscated	जब्त|कुर्क	u|u
informer	मुखबिर	u
suspect	संदिग्ध	t
suspicious	संदिग्ध	t
cctv	सीसीटीवी	e
cctv footage	सीसीटीवी फुटेज	e
clue	सुराग	u
interrogation	पूछताछ	c
questioning	पूछताछ	c
confession	इकबालिया बयान|कबूलनामा	u|u
lookout notice	लुकआउट नोटिस	e
red corner notice	रेड कॉर्नर नोटिस	e
extradition	प्रत्यर्पण	t
naxal	नक्सली|माओवादी	c|t
naxalite	नक्सली|माओवादी	c|t
maoist	माओवादी|नक्सली	t|c
militant	आतंकवादी|उग्रवादी	t|t
insurgency	उग्रवाद	t
nia	एनआईए|राष्ट्रीय जांच एजेंसी	e|t
ats	एटीएस|आतंकवाद निरोधक दस्ता	e|t
stf	एसटीएफ|विशेष कार्य बल	e|t
crime branch	क्राइम ब्रांच|अपराध शाखा	e|t
forensic	फॉरेंसिक|विधि विज्ञान	e|t
dog squad	डॉग स्क्वॉड	e
patrolling	गश्त	u
checking	चेकिंग|जांच	e|c
nakabandi	नाकाबंदी	u
eve teasing	छेड़छाड़	c
stalking	पीछा करना	c
obscene	अश्लील	t
pornography	अश्लील सामग्री|पोर्नोग्राफी	t|e
pocso	पॉक्सो	e
child abuse	बाल शोषण	t
exploitation	शोषण	t
witch hunting	डायन प्रथा	c
bonded labour	बंधुआ मजदूरी	u
counterfeit currency	नकली नोट|जाली नोट	u|u
fake	फर्जी|नकली|जाली	u|u|u
fake currency	नकली नोट|जाली नोट	u|u
money laundering	मनी लॉन्ड्रिंग|धन शोधन	e|t
hawala	हवाला	u
embezzlement	गबन	u
ponzi scheme	पोंजी स्कीम|चिटफंड घोटाला	e|e
chit fund	चिटफंड	e
`;
