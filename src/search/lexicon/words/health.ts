// Health: illness, hospitals, medicine, public health.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const HEALTH = `
health	स्वास्थ्य|सेहत|हेल्थ	t|u|e
healthy	स्वस्थ|तंदुरुस्त	t|u
hospital	अस्पताल|चिकित्सालय|हॉस्पिटल	u|t|e
government hospital	सरकारी अस्पताल	u
private hospital	निजी अस्पताल|प्राइवेट अस्पताल	t|e
district hospital	जिला अस्पताल	u
medical college	मेडिकल कॉलेज|चिकित्सा महाविद्यालय	e|t
aiims	एम्स|अखिल भारतीय आयुर्विज्ञान संस्थान	e|t
doctor	डॉक्टर|चिकित्सक|वैद्य	e|t|t
nurse	नर्स|परिचारिका	e|t
patient	मरीज|रोगी	u|t
treatment	इलाज|उपचार|चिकित्सा	u|t|t
medicine	दवा|औषधि|दवाई	u|t|u
drugstore	दवा की दुकान	u
pharmacy	फार्मेसी|दवाखाना	e|u
disease	बीमारी|रोग|मर्ज	u|t|u
illness	बीमारी|रोग	u|t
sick	बीमार|रोगी	u|t
infection	संक्रमण|इन्फेक्शन	t|e
infected	संक्रमित	t
virus	वायरस|विषाणु	e|t
bacteria	बैक्टीरिया|जीवाणु	e|t
epidemic	महामारी	t
pandemic	महामारी|वैश्विक महामारी	t|t
outbreak	प्रकोप	t
coronavirus	कोरोना वायरस|कोरोना	e|e
covid	कोविड|कोरोना	e|e
corona	कोरोना	e
lockdown	लॉकडाउन|तालाबंदी	e|c
quarantine	क्वारंटीन|संगरोध	e|t
isolation	आइसोलेशन|एकांतवास	e|t
mask	मास्क	e
sanitizer	सैनिटाइजर	e
vaccine	टीका|वैक्सीन	c|e
vaccination	टीकाकरण|वैक्सीनेशन	t|e
vaccinated	टीका लगा	c
booster dose	बूस्टर डोज	e
dose	खुराक|डोज	u|e
test	जांच|टेस्ट	c|e
testing	जांच	c
rt pcr	आरटीपीसीआर	e
report	रिपोर्ट	e
fever	बुखार|ज्वर	u|t
cough	खांसी	c
cold and cough	सर्दी जुकाम	c
flu	फ्लू|इन्फ्लुएंजा	e|e
dengue	डेंगू	e
malaria	मलेरिया	e
chikungunya	चिकनगुनिया	e
typhoid	टाइफाइड|मियादी बुखार	e|u
cholera	हैजा	u
diarrhoea	दस्त|डायरिया	c|e
diarrhea	दस्त|डायरिया	c|e
jaundice	पीलिया	c
tuberculosis	टीबी|क्षय रोग|तपेदिक	e|t|t
tb	टीबी|क्षय रोग	e|t
cancer	कैंसर|कर्क रोग	e|t
tumour	ट्यूमर|गांठ	e|c
diabetes	मधुमेह|डायबिटीज|शुगर	t|e|e
sugar	शुगर|शक्कर|चीनी	e|u|c
blood pressure	रक्तचाप|ब्लड प्रेशर|बीपी	t|e|e
hypertension	उच्च रक्तचाप|हाई ब्लड प्रेशर	t|e
heart	दिल|हृदय	u|t
heart attack	दिल का दौरा|हार्ट अटैक|हृदयाघात	u|e|t
cardiac arrest	कार्डियक अरेस्ट|हृदय गति रुकना	e|t
heart disease	हृदय रोग|दिल की बीमारी	t|u
stroke	स्ट्रोक|लकवा|पक्षाघात	e|c|t
paralysis	लकवा|पक्षाघात	c|t
kidney	किडनी|गुर्दा	e|u
liver	लिवर|जिगर|यकृत	e|u|t
lungs	फेफड़े	c
brain	दिमाग|मस्तिष्क	u|t
blood	खून|रक्त	u|t
blood donation	रक्तदान	t
blood bank	ब्लड बैंक	e
organ donation	अंगदान	t
transplant	प्रत्यारोपण|ट्रांसप्लांट	t|e
surgery	सर्जरी|शल्य चिकित्सा|ऑपरेशन	e|t|e
operation	ऑपरेशन	e
mental health	मानसिक स्वास्थ्य	t
depression	अवसाद|डिप्रेशन	t|e
stress	तनाव	t
anxiety	चिंता|घबराहट	t|c
obesity	मोटापा	c
malnutrition	कुपोषण	t
nutrition	पोषण	t
anaemia	खून की कमी|एनीमिया	u|e
anemia	खून की कमी|एनीमिया	u|e
pregnant	गर्भवती	t
pregnancy	गर्भावस्था	t
delivery	प्रसव|डिलीवरी	t|e
maternal death	मातृ मृत्यु	t
infant mortality	शिशु मृत्यु दर	t
newborn	नवजात	t
infant	शिशु	t
child health	शिशु स्वास्थ्य|बाल स्वास्थ्य	t|t
ambulance	एंबुलेंस	e
emergency ward	इमरजेंसी वार्ड|आपातकालीन वार्ड	e|t
icu	आईसीयू|गहन चिकित्सा इकाई	e|t
ventilator	वेंटिलेटर	e
oxygen	ऑक्सीजन|प्राणवायु	e|t
oxygen cylinder	ऑक्सीजन सिलेंडर	e
bed	बेड|बिस्तर	e|u
health centre	स्वास्थ्य केंद्र	t
primary health centre	प्राथमिक स्वास्थ्य केंद्र|पीएचसी	t|e
community health centre	सामुदायिक स्वास्थ्य केंद्र|सीएचसी	t|e
ayushman bharat	आयुष्मान भारत	t
ayushman card	आयुष्मान कार्ड	t
health insurance	स्वास्थ्य बीमा|हेल्थ इंश्योरेंस	t|e
ayurveda	आयुर्वेद	t
homeopathy	होम्योपैथी	e
cmo	सीएमओ|मुख्य चिकित्सा अधिकारी	e|t
chief medical officer	मुख्य चिकित्सा अधिकारी|सीएमओ	t|e
world health organization	विश्व स्वास्थ्य संगठन|डब्ल्यूएचओ	t|e
health department	स्वास्थ्य विभाग	t
health ministry	स्वास्थ्य मंत्रालय	t
food poisoning	फूड पॉइजनिंग|विषाक्त भोजन	e|t
food safety	खाद्य सुरक्षा	t
adulteration	मिलावट	c
adulterated	मिलावटी	c
polio	पोलियो	e
measles	खसरा	c
smallpox	चेचक	c
hiv	एचआईवी	e
aids	एड्स	e
asthma	दमा|अस्थमा	u|e
allergy	एलर्जी	e
eye	आंख|नेत्र	c|t
eye hospital	नेत्र चिकित्सालय|आंखों का अस्पताल	t|u
teeth	दांत	c
dentist	दंत चिकित्सक|डेंटिस्ट	t|e
bone	हड्डी|अस्थि	c|t
fracture	फ्रैक्चर|हड्डी टूटना	e|c
pain	दर्द|पीड़ा	u|t
headache	सिरदर्द	u
skin	त्वचा|चमड़ी	t|c
hair	बाल|केश	c|t
diet	आहार|डाइट|खानपान	t|e|c
exercise	व्यायाम|कसरत|एक्सरसाइज	t|u|e
sleep	नींद|निद्रा	c|t
smoking	धूम्रपान|स्मोकिंग	t|e
tobacco	तंबाकू	u
alcohol	शराब|मदिरा	u|t
addiction	नशा|लत	u|u
de addiction	नशा मुक्ति	u
drug addiction	नशे की लत	u
side effects	दुष्प्रभाव|साइड इफेक्ट	t|e
clinical trial	क्लिनिकल ट्रायल	e
research	शोध|अनुसंधान|रिसर्च	t|t|e
study	अध्ययन|स्टडी	t|e
life expectancy	जीवन प्रत्याशा	t
medical negligence	चिकित्सा लापरवाही|इलाज में लापरवाही	t|u
negligence	लापरवाही	u
fake doctor	झोलाछाप डॉक्टर|फर्जी डॉक्टर	c|u
quack	झोलाछाप|नीम हकीम	c|u
bird flu	बर्ड फ्लू	e
swine flu	स्वाइन फ्लू	e
monkeypox	मंकीपॉक्स	e
nipah	निपाह	e
rabies	रेबीज	e
dog bite	कुत्ते का काटना	c
snake bite	सांप का काटना|सर्पदंश	c|t
heatstroke	लू लगना|हीट स्ट्रोक	c|e
dehydration	डिहाइड्रेशन|पानी की कमी	e|c
wellness	तंदुरुस्ती	u
sanitation	स्वच्छता|साफ सफाई	t|u
cleanliness	स्वच्छता|सफाई	t|u
hygiene	स्वच्छता	t
toilet	शौचालय|टॉयलेट	t|e
open defecation	खुले में शौच	t
medical	चिकित्सा|मेडिकल	t|e
medical camp	चिकित्सा शिविर|मेडिकल कैंप	t|e
free treatment	मुफ्त इलाज|निःशुल्क उपचार	u|t
medical bill	मेडिकल बिल	e
generic medicine	जेनेरिक दवा	e
jan aushadhi	जन औषधि	t
drug controller	औषधि नियंत्रक|ड्रग कंट्रोलर	t|e
fake medicine	नकली दवा	u
expired medicine	एक्सपायरी दवा	e
telemedicine	टेलीमेडिसिन	e
eye camp	नेत्र शिविर	t
cataract	मोतियाबिंद	c
blindness	अंधापन	c
deaf	बधिर	t
leprosy	कुष्ठ रोग	t
thalassemia	थैलेसीमिया	e
autism	ऑटिज्म	e
vitamin	विटामिन	e
protein	प्रोटीन	e
cholesterol	कोलेस्ट्रॉल	e
thyroid	थायराइड	e
arthritis	गठिया	c
back pain	कमर दर्द	u
migraine	माइग्रेन	e
`;
