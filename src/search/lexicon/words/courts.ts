// Courts and law: courts, judges, cases, bail, sentences, rights.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const COURTS = `
court	अदालत|न्यायालय|कोर्ट	u|t|e
high court	उच्च न्यायालय|हाईकोर्ट|हाई कोर्ट	t|e|e
supreme court	सर्वोच्च न्यायालय|सुप्रीम कोर्ट|उच्चतम न्यायालय	t|e|t
district court	जिला अदालत|जिला न्यायालय|जिला कोर्ट	u|t|e
sessions court	सत्र न्यायालय|सेशन कोर्ट|सत्र अदालत	t|e|u
family court	परिवार न्यायालय|फैमिली कोर्ट|पारिवारिक अदालत	t|e|u
consumer court	उपभोक्ता अदालत|उपभोक्ता फोरम|उपभोक्ता आयोग	u|e|t
judge	न्यायाधीश|जज|न्यायमूर्ति	t|e|t
justice	न्याय|इंसाफ|न्यायमूर्ति	t|u|t
chief justice	मुख्य न्यायाधीश|प्रधान न्यायाधीश|चीफ जस्टिस	t|t|e
magistrate	मजिस्ट्रेट|दंडाधिकारी	e|t
lawyer	वकील|अधिवक्ता|एडवोकेट	u|t|e
advocate	अधिवक्ता|वकील|एडवोकेट	t|u|e
law	कानून|विधि|लॉ	u|t|e
verdict	फैसला|निर्णय|वर्डिक्ट	u|t|e
judgment	फैसला|निर्णय	u|t
judgement	फैसला|निर्णय	u|t
ruling	फैसला|निर्णय|आदेश	u|t|t
order	आदेश|हुक्म|ऑर्डर	t|u|e
hearing	सुनवाई	c
petition	याचिका|अर्जी|पिटीशन	t|u|e
public interest litigation	जनहित याचिका|पीआईएल	t|e
pil	जनहित याचिका|पीआईएल	t|e
bail	जमानत|बेल	u|e
anticipatory bail	अग्रिम जमानत|अंतरिम जमानत	u|u
interim bail	अंतरिम जमानत	u
bail plea	जमानत याचिका|जमानत अर्जी	u|u
case	मामला|मुकदमा|केस	u|u|e
lawsuit	मुकदमा|वाद	u|t
trial	मुकदमा|सुनवाई|ट्रायल	u|c|e
witness	गवाह|साक्षी	u|t
testimony	गवाही|बयान|साक्ष्य	u|u|t
evidence	सबूत|साक्ष्य|प्रमाण	u|t|t
proof	सबूत|प्रमाण	u|t
accused	आरोपी|अभियुक्त|मुल्जिम	c|t|u
convict	दोषी|सजायाफ्ता|मुजरिम	t|u|u
convicted	दोषी करार|दोषी ठहराया	t|t
acquitted	बरी|दोषमुक्त	u|t
acquittal	बरी|दोषमुक्ति|रिहाई	u|t|u
sentence	सजा|दंड	u|t
death sentence	फांसी की सजा|मृत्युदंड|सजा ए मौत	u|t|u
death penalty	मृत्युदंड|फांसी की सजा	t|u
life imprisonment	उम्रकैद|आजीवन कारावास|उम्रकैद की सजा	u|t|u
life sentence	उम्रकैद|आजीवन कारावास	u|t
jail	जेल|कारागार|कैद	e|t|u
prison	जेल|कारागार	e|t
imprisonment	कैद|कारावास	u|t
fine	जुर्माना|अर्थदंड	u|t
penalty	जुर्माना|दंड	u|t
custody	हिरासत|अभिरक्षा|कस्टडी	u|t|e
judicial custody	न्यायिक हिरासत	t
police custody	पुलिस हिरासत|पुलिस रिमांड	e|e
remand	रिमांड|हिरासत	e|u
appeal	अपील|याचिका	e|t
plea	याचिका|दलील|अर्जी	t|u|u
argument	दलील|तर्क|बहस	u|t|u
prosecution	अभियोजन|अभियोग पक्ष	t|t
prosecutor	अभियोजक|सरकारी वकील	t|u
public prosecutor	लोक अभियोजक|सरकारी वकील	t|u
defence lawyer	बचाव पक्ष का वकील|बचाव पक्ष	u|c
chargesheet	आरोपपत्र|चार्जशीट	t|e
charge sheet	आरोपपत्र|चार्जशीट	t|e
constitution	संविधान	t
constitutional	संवैधानिक	t
constitution bench	संविधान पीठ	t
bench	पीठ|बेंच	t|e
divorce	तलाक|विवाह विच्छेद	u|t
alimony	गुजारा भत्ता|भरण पोषण	u|t
maintenance	गुजारा भत्ता|भरण पोषण	u|t
contempt of court	अदालत की अवमानना|न्यायालय की अवमानना	u|t
contempt	अवमानना	t
summons	समन|सम्मन	e|e
warrant	वारंट	e
arrest warrant	गिरफ्तारी वारंट	u
non bailable warrant	गैर जमानती वारंट	u
stay	रोक|स्थगन	c|t
stay order	स्थगन आदेश|रोक	t|c
injunction	निषेधाज्ञा|रोक	t|c
notice	नोटिस|सूचना	e|t
affidavit	हलफनामा|शपथ पत्र	u|t
oath	शपथ|हलफ|कसम	t|u|u
jury	जूरी	e
tribunal	न्यायाधिकरण|ट्रिब्यूनल	t|e
green tribunal	हरित अधिकरण|ग्रीन ट्रिब्यूनल|एनजीटी	t|e|e
ngt	एनजीटी|राष्ट्रीय हरित अधिकरण	e|t
lok adalat	लोक अदालत	u
collegium	कॉलेजियम	e
legal	कानूनी|विधिक	u|t
illegal	गैरकानूनी|अवैध	u|t
unconstitutional	असंवैधानिक	t
rights	अधिकार|हक	t|u
fundamental rights	मौलिक अधिकार	t
human rights	मानवाधिकार|मानव अधिकार	t|t
privacy	निजता|प्राइवेसी	t|e
right to information	सूचना का अधिकार|आरटीआई	t|e
rti	आरटीआई|सूचना का अधिकार	e|t
complaint	शिकायत|परिवाद	u|t
complainant	शिकायतकर्ता|फरियादी	u|u
victim	पीड़ित|शिकार	t|u
compensation	मुआवजा|क्षतिपूर्ति|हर्जाना	u|t|u
damages	हर्जाना|क्षतिपूर्ति	u|t
defamation	मानहानि	t
defamation case	मानहानि का मामला|मानहानि केस	u|e
sedition	राजद्रोह|देशद्रोह	t|t
treason	देशद्रोह|राजद्रोह|गद्दारी	t|t|u
verdict reserved	फैसला सुरक्षित	u
adjourned	स्थगित|टली	t|c
adjournment	स्थगन	t
hearing adjourned	सुनवाई टली|सुनवाई स्थगित	c|t
land dispute	जमीन विवाद|भूमि विवाद	u|t
property dispute	संपत्ति विवाद|जायदाद का झगड़ा	t|u
dispute	विवाद|झगड़ा	t|c
settlement	समझौता|निपटारा	u|c
mediation	मध्यस्थता	t
arbitration	मध्यस्थता|पंचाट	t|t
inheritance	विरासत|उत्तराधिकार	u|t
adoption	गोद लेना|दत्तक ग्रहण	c|t
custody battle	कस्टडी की लड़ाई	e
guardian	अभिभावक|संरक्षक	t|t
legal aid	कानूनी सहायता|विधिक सहायता	u|t
jurisdiction	क्षेत्राधिकार|अधिकार क्षेत्र	t|t
cji	मुख्य न्यायाधीश|सीजेआई	t|e
solicitor general	सॉलिसिटर जनरल	e
attorney general	अटॉर्नी जनरल|महान्यायवादी	e|t
advocate general	महाधिवक्ता|एडवोकेट जनरल	t|e
high court order	हाईकोर्ट का आदेश|उच्च न्यायालय का आदेश	e|t
supreme court verdict	सुप्रीम कोर्ट का फैसला|सर्वोच्च न्यायालय का निर्णय	e|t
judiciary	न्यायपालिका	t
judicial	न्यायिक	t
legislature	विधायिका	t
executive	कार्यपालिका	t
ipc	आईपीसी|भारतीय दंड संहिता	e|t
indian penal code	भारतीय दंड संहिता|आईपीसी	t|e
bharatiya nyaya sanhita	भारतीय न्याय संहिता|बीएनएस	t|e
bns	बीएनएस|भारतीय न्याय संहिता	e|t
crpc	सीआरपीसी|दंड प्रक्रिया संहिता	e|t
section	धारा	t
article 370	अनुच्छेद 370	t
clause	खंड	t
provision	प्रावधान	t
ordinance issued	अध्यादेश जारी	t
pending cases	लंबित मामले	t
pending	लंबित	t
backlog	लंबित मामले	t
fast track court	फास्ट ट्रैक कोर्ट|त्वरित अदालत	e|t
special court	विशेष अदालत|विशेष न्यायालय	t|t
cbi court	सीबीआई कोर्ट|सीबीआई अदालत	e|u
pocso court	पॉक्सो कोर्ट	e
juvenile	नाबालिग|किशोर	u|t
juvenile justice board	किशोर न्याय बोर्ड	t
minor	नाबालिग|अवयस्क	u|t
adult	बालिग|वयस्क	u|t
habeas corpus	बंदी प्रत्यक्षीकरण|हैबियस कॉर्पस	t|e
writ petition	रिट याचिका	e
review petition	पुनर्विचार याचिका	t
curative petition	क्यूरेटिव पिटीशन|उपचारात्मक याचिका	e|t
mercy petition	दया याचिका	t
parole	पैरोल	e
furlough	फरलो	e
hanging	फांसी	u
execution	फांसी|सजा पर अमल	u|u
pardon	माफी|क्षमा	u|t
apology	माफी|क्षमा याचना	u|t
unconditional apology	बिना शर्त माफी	u
cross examination	जिरह	u
hostile witness	पक्षद्रोही गवाह|मुकरा गवाह	t|c
witness protection	गवाह सुरक्षा	u
legal notice	कानूनी नोटिस	u
eviction	बेदखली	u
tenant	किरायेदार	u
landlord	मकान मालिक	u
consumer forum	उपभोक्ता फोरम|उपभोक्ता आयोग	e|t
cheque bounce	चेक बाउंस	e
motor accident claim	मोटर दुर्घटना दावा	t
claim	दावा	u
`;
