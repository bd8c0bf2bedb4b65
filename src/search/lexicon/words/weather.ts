// Weather, climate and natural disasters.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const WEATHER = `
weather	मौसम	u
weather forecast	मौसम पूर्वानुमान|मौसम का अनुमान	t|u
forecast	पूर्वानुमान|अनुमान	t|t
imd	मौसम विभाग|आईएमडी	u|e
meteorological department	मौसम विभाग	u
climate	जलवायु|आबोहवा	t|u
climate change	जलवायु परिवर्तन|क्लाइमेट चेंज	t|e
global warming	ग्लोबल वार्मिंग|वैश्विक तापवृद्धि	e|t
rain	बारिश|वर्षा|बरसात	u|t|c
rainfall	वर्षा|बारिश	t|u
heavy rain	भारी बारिश|मूसलाधार बारिश|भारी वर्षा	u|u|t
torrential rain	मूसलाधार बारिश	u
drizzle	बूंदाबांदी|फुहार	c|c
downpour	मूसलाधार बारिश	u
monsoon	मानसून|बरसात	e|c
pre monsoon	प्री मानसून	e
cloud	बादल|मेघ	c|t
cloudburst	बादल फटना	c
thunderstorm	आंधी तूफान|गरज के साथ बारिश	c|c
storm	तूफान|आंधी	u|c
dust storm	आंधी|धूल भरी आंधी	c|c
lightning	बिजली गिरना|आकाशीय बिजली|वज्रपात	c|t|t
thunder	गरज	c
hailstorm	ओलावृष्टि|ओले	t|c
hail	ओले|ओलावृष्टि	c|t
cyclone	चक्रवात|साइक्लोन|चक्रवाती तूफान	t|e|t
cyclonic storm	चक्रवाती तूफान	t
hurricane	तूफान|हरिकेन	u|e
typhoon	तूफान|टाइफून	u|e
tornado	बवंडर|टॉरनेडो	c|e
landfall	तट से टकराना	t
flood	बाढ़|सैलाब	c|u
flash flood	अचानक बाढ़|फ्लैश फ्लड	c|e
waterlogging	जलभराव	t
inundated	जलमग्न	t
drought	सूखा|अकाल	c|t
famine	अकाल	t
heat	गर्मी|ताप	u|t
heatwave	लू|हीटवेव|ग्रीष्म लहर	c|e|t
heat wave	लू|हीटवेव	c|e
hot wind	लू	c
summer	गर्मी|ग्रीष्म	u|t
cold	ठंड|सर्दी|शीत	c|u|t
cold wave	शीतलहर|शीत लहर	t|t
winter	सर्दी|जाड़ा|शीतकाल	u|c|t
fog	कोहरा|धुंध	c|c
dense fog	घना कोहरा	c
smog	स्मॉग|धुंध	e|c
frost	पाला	c
snow	बर्फ|हिम	u|t
snowfall	बर्फबारी|हिमपात	u|t
avalanche	हिमस्खलन	t
glacier	हिमनद|ग्लेशियर	t|e
temperature	तापमान|पारा	t|c
mercury	पारा	c
maximum temperature	अधिकतम तापमान	t
minimum temperature	न्यूनतम तापमान	t
degree	डिग्री	e
celsius	सेल्सियस	e
humidity	नमी|आर्द्रता|उमस	u|t|c
humid	उमस	c
wind	हवा|पवन	u|t
strong winds	तेज हवाएं	u
sunny	धूप	c
sunshine	धूप	c
season	मौसम|ऋतु	u|t
spring	वसंत|बसंत	t|c
autumn	शरद	t
alert	अलर्ट|चेतावनी	e|t
warning	चेतावनी	t
red alert	रेड अलर्ट	e
orange alert	ऑरेंज अलर्ट	e
yellow alert	येलो अलर्ट	e
weather alert	मौसम अलर्ट|मौसम चेतावनी	e|t
earthquake	भूकंप|जलजला	t|u
tremors	झटके|भूकंप के झटके	c|t
richter scale	रिक्टर पैमाना|रिक्टर स्केल	e|e
epicentre	केंद्र|भूकंप का केंद्र	t|t
landslide	भूस्खलन|लैंडस्लाइड	t|e
tsunami	सुनामी	e
volcano	ज्वालामुखी	t
natural disaster	प्राकृतिक आपदा|कुदरती आफत	t|u
disaster	आपदा|आफत	t|u
disaster management	आपदा प्रबंधन	t
ndrf	एनडीआरएफ|राष्ट्रीय आपदा मोचन बल	e|t
sdrf	एसडीआरएफ	e
rescue	बचाव|रेस्क्यू	c|e
rescue operation	बचाव अभियान|रेस्क्यू ऑपरेशन|राहत एवं बचाव कार्य	t|e|t
relief	राहत	u
relief camp	राहत शिविर	u
evacuation	निकासी	c
evacuated	सुरक्षित निकाला	t
pollution	प्रदूषण	t
air pollution	वायु प्रदूषण	t
air quality	वायु गुणवत्ता|हवा की गुणवत्ता	t|u
aqi	एक्यूआई|वायु गुणवत्ता सूचकांक	e|t
air quality index	वायु गुणवत्ता सूचकांक|एक्यूआई	t|e
stubble burning	पराली जलाना	c
stubble	पराली	c
water pollution	जल प्रदूषण	t
noise pollution	ध्वनि प्रदूषण	t
environment	पर्यावरण	t
environmental	पर्यावरणीय	t
forest	जंगल|वन	c|t
forest fire	जंगल की आग|दावानल	c|t
deforestation	वनों की कटाई	t
tree	पेड़|वृक्ष	c|t
plantation	पौधारोपण|वृक्षारोपण	c|t
wildlife	वन्यजीव	t
tiger	बाघ	c
leopard	तेंदुआ	c
elephant	हाथी	c
river	नदी|दरिया	t|u
water level	जलस्तर	t
danger mark	खतरे का निशान	u
dam	बांध	c
reservoir	जलाशय	t
groundwater	भूजल	t
water crisis	जल संकट|पानी की किल्लत	t|c
water	पानी|जल	c|t
drinking water	पेयजल|पीने का पानी	t|c
sea	समुद्र|सागर	t|t
ocean	महासागर|समुद्र	t|t
coast	तट|किनारा	t|c
coastal	तटीय	t
sea level	समुद्र तल	t
carbon emission	कार्बन उत्सर्जन	t
emission	उत्सर्जन	t
renewable energy	नवीकरणीय ऊर्जा|अक्षय ऊर्जा	t|t
solar energy	सौर ऊर्जा	t
solar	सौर	t
green energy	हरित ऊर्जा|ग्रीन एनर्जी	t|e
plastic	प्लास्टिक	e
plastic ban	प्लास्टिक पर प्रतिबंध	t
ozone	ओजोन	e
biodiversity	जैव विविधता	t
wetland	आर्द्रभूमि	t
sky	आसमान|आकाश	u|t
sun	सूरज|सूर्य	c|t
moon	चांद|चंद्रमा	c|t
eclipse	ग्रहण	t
solar eclipse	सूर्य ग्रहण	t
lunar eclipse	चंद्र ग्रहण	t
rainbow	इंद्रधनुष	t
cold day	कोल्ड डे	e
western disturbance	पश्चिमी विक्षोभ	t
low pressure	कम दबाव	u
low pressure area	कम दबाव का क्षेत्र	u
weather update	मौसम अपडेट|मौसम का हाल	e|u
rain alert	बारिश का अलर्ट	u
rainy season	बरसात|वर्षा ऋतु	c|t
hot	गर्म	u
scorching heat	झुलसाती गर्मी|चिलचिलाती धूप	u|c
record temperature	रिकॉर्ड तापमान	e
cold weather	ठंडा मौसम	c
chill	ठिठुरन|गलन	c|c
bonfire	अलाव	c
night shelter	रैन बसेरा	c
waterlogged	जलभराव	t
flood relief	बाढ़ राहत	c
flood affected	बाढ़ प्रभावित|बाढ़ पीड़ित	t|t
drought affected	सूखा प्रभावित	t
crop damage	फसल नुकसान|फसल बर्बाद	u|u
unseasonal rain	बेमौसम बारिश	u
`;
