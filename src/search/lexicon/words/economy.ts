// Economy and business: money, markets, prices, taxes, trade, jobs, farming.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const ECONOMY = `
economy	अर्थव्यवस्था|इकोनॉमी	t|e
economic	आर्थिक	t
business	कारोबार|व्यापार|व्यवसाय|बिजनेस	u|t|t|e
trade	व्यापार|कारोबार|तिजारत	t|u|u
trader	व्यापारी|कारोबारी	t|u
businessman	कारोबारी|व्यवसायी|उद्योगपति	u|t|t
industrialist	उद्योगपति	t
industry	उद्योग|इंडस्ट्री	t|e
factory	कारखाना|फैक्टरी	u|e
company	कंपनी	e
firm	फर्म|कंपनी	e|e
market	बाजार|मार्केट|मंडी	u|e|c
stock market	शेयर बाजार	u
share market	शेयर बाजार	u
shares	शेयर	e
stock	शेयर|स्टॉक	e|e
sensex	सेंसेक्स	e
nifty	निफ्टी	e
investor	निवेशक	t
investment	निवेश|इन्वेस्टमेंट	t|e
foreign investment	विदेशी निवेश	t
fdi	प्रत्यक्ष विदेशी निवेश|एफडीआई	t|e
ipo	आईपीओ	e
mutual fund	म्यूचुअल फंड	e
price	कीमत|दाम|मूल्य	u|c|t
rate	दर|भाव|रेट	t|c|e
inflation	महंगाई|मुद्रास्फीति	c|t
price rise	महंगाई|दाम बढ़े	c|c
costly	महंगा	c
cheap	सस्ता	c
recession	मंदी	c
slowdown	मंदी|सुस्ती	c|c
growth	वृद्धि|बढ़ोतरी|ग्रोथ	t|c|e
gdp	जीडीपी|सकल घरेलू उत्पाद	e|t
growth rate	विकास दर|वृद्धि दर	t|t
budget	बजट	e
union budget	केंद्रीय बजट|आम बजट	t|c
tax	कर|टैक्स	t|e
income tax	आयकर|इनकम टैक्स	t|e
gst	जीएसटी|वस्तु एवं सेवा कर	e|t
customs duty	सीमा शुल्क|कस्टम ड्यूटी	t|e
excise	उत्पाद शुल्क|एक्साइज	t|e
duty	शुल्क|ड्यूटी	t|e
tariff	टैरिफ|शुल्क	e|t
tax evasion	कर चोरी|टैक्स चोरी	t|e
income tax raid	आयकर छापा	t
income tax return	आयकर रिटर्न|आईटीआर	t|e
itr	आईटीआर|आयकर रिटर्न	e|t
bank	बैंक	e
reserve bank	रिजर्व बैंक|आरबीआई	e|e
rbi	आरबीआई|रिजर्व बैंक|भारतीय रिजर्व बैंक	e|e|e
repo rate	रेपो रेट|रेपो दर	e|t
interest	ब्याज|सूद	c|u
interest rate	ब्याज दर	c
loan	कर्ज|ऋण|लोन	u|t|e
debt	कर्ज|ऋण	u|t
loan waiver	कर्जमाफी|ऋण माफी	u|t
emi	ईएमआई|किस्त	e|u
instalment	किस्त	u
installment	किस्त	u
deposit	जमा|जमा राशि	u|u
fixed deposit	सावधि जमा|एफडी	t|e
saving	बचत	c
account	खाता|अकाउंट	c|e
bank account	बैंक खाता	e
money	पैसा|धन|रुपया|पैसे	c|t|c|c
cash	नकद|कैश|नकदी	u|e|u
currency	मुद्रा|करेंसी	t|e
rupee	रुपया|रुपये	c|c
dollar	डॉलर	e
note	नोट	e
demonetisation	नोटबंदी|विमुद्रीकरण	c|t
demonetization	नोटबंदी|विमुद्रीकरण	c|t
digital payment	डिजिटल भुगतान|डिजिटल पेमेंट	t|e
payment	भुगतान|पेमेंट	t|e
upi	यूपीआई	e
salary	वेतन|तनख्वाह|सैलरी	t|u|e
wage	मजदूरी|वेतन	u|t
wages	मजदूरी|दिहाड़ी	u|c
minimum wage	न्यूनतम मजदूरी	u
pension	पेंशन	e
old pension scheme	पुरानी पेंशन योजना	c
provident fund	भविष्य निधि|पीएफ	t|e
pf	पीएफ|भविष्य निधि	e|t
dearness allowance	महंगाई भत्ता|डीए	c|e
allowance	भत्ता	c
pay commission	वेतन आयोग	t
employee	कर्मचारी|मुलाजिम	t|u
government employee	सरकारी कर्मचारी	u
job	नौकरी|रोजगार|जॉब	u|u|e
jobs	नौकरियां|रोजगार	u|u
employment	रोजगार	u
unemployment	बेरोजगारी	u
unemployed	बेरोजगार	u
recruitment	भर्ती	c
vacancy	रिक्ति|वैकेंसी|रिक्त पद	t|e|t
layoff	छंटनी	c
labour	श्रम|मजदूर|मजदूरी	t|u|u
worker union	मजदूर संघ|श्रमिक संघ	u|t
trade union	मजदूर संघ|श्रमिक संघ|ट्रेड यूनियन	u|t|e
labourer	मजदूर|श्रमिक	u|t
farmer	किसान|कृषक|अन्नदाता	c|t|t
agriculture	कृषि|खेती|खेतीबाड़ी	t|c|c
farming	खेती|कृषि	c|t
crop	फसल	u
harvest	फसल कटाई	u
sowing	बुवाई	c
wheat	गेहूं	c
rice	चावल|धान	c|c
paddy	धान	c
sugarcane	गन्ना	c
cotton	कपास	c
onion	प्याज	c
tomato	टमाटर	e
potato	आलू	c
vegetables	सब्जियां|सब्जी	u|u
pulses	दालें|दाल	c|c
mustard	सरसों	c
msp	एमएसपी|न्यूनतम समर्थन मूल्य	e|t
minimum support price	न्यूनतम समर्थन मूल्य|एमएसपी	t|e
procurement	खरीद	u
mandi	मंडी	c
fertiliser	खाद|उर्वरक	c|t
fertilizer	खाद|उर्वरक	c|t
urea	यूरिया	e
seeds	बीज	t
irrigation	सिंचाई	c
tractor	ट्रैक्टर	e
crop insurance	फसल बीमा	u
insurance	बीमा|इंश्योरेंस	u|e
life insurance	जीवन बीमा	t
dairy	डेयरी	e
milk	दूध|दुग्ध	c|t
milk price	दूध के दाम	c
petrol	पेट्रोल	e
diesel	डीजल	e
fuel	ईंधन	t
fuel price	ईंधन के दाम|पेट्रोल डीजल के दाम	t|e
lpg	एलपीजी|रसोई गैस	e|c
cooking gas	रसोई गैस|एलपीजी	c|e
gas cylinder	गैस सिलेंडर	e
electricity	बिजली|विद्युत	c|t
electricity bill	बिजली बिल	c
power cut	बिजली कटौती	c
water bill	पानी का बिल	c
gold	सोना|स्वर्ण|गोल्ड	c|t|e
silver	चांदी|रजत	c|t
gold price	सोने का भाव|सोने की कीमत|गोल्ड रेट	c|u|e
crude oil	कच्चा तेल|क्रूड ऑयल	c|e
oil	तेल	c
import	आयात|इंपोर्ट	t|e
export	निर्यात|एक्सपोर्ट	t|e
trade deficit	व्यापार घाटा	t
deficit	घाटा	c
fiscal deficit	राजकोषीय घाटा	t
loss	घाटा|नुकसान	c|u
profit	मुनाफा|लाभ|फायदा	u|t|u
revenue	राजस्व	t
income	आय|आमदनी|कमाई	t|u|c
expenditure	खर्च|व्यय	u|t
spending	खर्च	u
subsidy	सब्सिडी|अनुदान	e|t
grant	अनुदान	t
fund	कोष|फंड|निधि	t|e|t
funds	धनराशि|फंड	t|e
startup	स्टार्टअप	e
entrepreneur	उद्यमी	t
msme	एमएसएमई|लघु उद्योग	e|t
small business	छोटे कारोबार|लघु उद्योग	u|t
manufacturing	विनिर्माण|मैन्युफैक्चरिंग	t|e
make in india	मेक इन इंडिया	e
production	उत्पादन	t
consumer	उपभोक्ता|ग्राहक	t|t
customer	ग्राहक	t
shop	दुकान	u
shopkeeper	दुकानदार	u
retail	खुदरा|रिटेल	u|e
wholesale	थोक	c
retail inflation	खुदरा महंगाई	u
real estate	रियल एस्टेट|अचल संपत्ति	e|t
property	संपत्ति|जायदाद|प्रॉपर्टी	t|u|e
housing	आवास	t
home loan	होम लोन|गृह ऋण	e|t
rent	किराया	u
bankruptcy	दिवालियापन	c
bankrupt	दिवालिया	c
merger	विलय	t
acquisition	अधिग्रहण	t
privatisation	निजीकरण	t
privatization	निजीकरण	t
public sector	सार्वजनिक क्षेत्र	t
private sector	निजी क्षेत्र	t
economist	अर्थशास्त्री	t
finance	वित्त	t
financial	वित्तीय	t
finance ministry	वित्त मंत्रालय	t
ration	राशन	u
ration card	राशन कार्ड	u
free ration	मुफ्त राशन	u
poverty	गरीबी|निर्धनता	u|t
poor	गरीब|निर्धन	u|t
rich	अमीर|धनी	u|t
billionaire	अरबपति	c
millionaire	करोड़पति	c
crore	करोड़	c
lakh	लाख	c
billion	अरब	c
economic survey	आर्थिक सर्वेक्षण	t
tourism	पर्यटन|टूरिज्म	t|e
tourist	पर्यटक|सैलानी	t|u
railway	रेलवे|रेल	e|e
infrastructure	बुनियादी ढांचा|इंफ्रास्ट्रक्चर	u|e
highway	राजमार्ग|हाईवे	t|e
expressway	एक्सप्रेसवे	e
airport	हवाई अड्डा|एयरपोर्ट	u|e
airline	एयरलाइन|विमान कंपनी	e|t
port	बंदरगाह	u
buyer	खरीदार|क्रेता	u|t
seller	विक्रेता	t
vendor	विक्रेता|वेंडर	t|e
street vendor	रेहड़ी पटरी वाले|फेरीवाले|स्ट्रीट वेंडर	c|c|e
hawker	फेरीवाला	c
supply	आपूर्ति|सप्लाई	t|e
demand and supply	मांग और आपूर्ति	t
stock limit	स्टॉक सीमा	e
hoarding	जमाखोरी	u
black marketing	कालाबाजारी	c
price hike	दाम बढ़े|कीमतों में बढ़ोतरी|मूल्य वृद्धि	c|u|t
price cut	दाम घटे|कीमत में कटौती	c|u
discount	छूट|डिस्काउंट	c|e
offer	ऑफर|पेशकश	e|u
bonus	बोनस	e
increment	वेतन वृद्धि|इंक्रीमेंट	t|e
promotion	पदोन्नति|प्रमोशन|तरक्की	t|e|u
transfer	तबादला|स्थानांतरण|ट्रांसफर	u|t|e
posting	तैनाती|पोस्टिंग	u|e
appointment	नियुक्ति	t
appointed	नियुक्त	t
contract	अनुबंध|ठेका|कॉन्ट्रैक्ट	t|c|e
contractor	ठेकेदार	c
tender	निविदा|टेंडर	t|e
outsourcing	आउटसोर्सिंग	e
contract workers	संविदा कर्मी|संविदा कर्मचारी	t|t
regularisation	नियमितीकरण	t
honorarium	मानदेय	t
arrears	बकाया|एरियर	u|e
dues	बकाया	u
pending payment	बकाया भुगतान	u
sugarcane dues	गन्ना बकाया	u
cold storage	कोल्ड स्टोरेज|शीतगृह	e|t
warehouse	गोदाम	c
godown	गोदाम	c
grain	अनाज|अन्न	u|t
food grains	खाद्यान्न|अनाज	t|u
flour	आटा	c
edible oil	खाद्य तेल	t
mustard oil	सरसों का तेल	c
sugar price	चीनी के दाम	c
fruits	फल	t
mango	आम	c
banana	केला	c
apple farming	सेब की खेती	c
organic farming	जैविक खेती	t
natural farming	प्राकृतिक खेती	t
horticulture	बागवानी	c
animal husbandry	पशुपालन	t
fisheries	मत्स्य पालन	t
poultry	मुर्गी पालन	c
cooperative	सहकारी|सहकारिता	t|t
cooperative society	सहकारी समिति	t
kisan credit card	किसान क्रेडिट कार्ड	c
pm kisan	पीएम किसान|किसान सम्मान निधि	e|t
land record	भू अभिलेख|खतौनी	t|u
stamp duty	स्टांप शुल्क|स्टांप ड्यूटी	e|e
circle rate	सर्किल रेट	e
municipal tax	गृहकर|हाउस टैक्स	t|e
property tax	संपत्ति कर|प्रॉपर्टी टैक्स	t|e
toll tax	टोल टैक्स	e
e way bill	ई वे बिल	e
invoice	बिल|चालान	e|u
audit	लेखा परीक्षा|ऑडिट	t|e
cag	कैग|नियंत्रक एवं महालेखा परीक्षक	e|t
sebi	सेबी	e
stock exchange	शेयर बाजार|स्टॉक एक्सचेंज	u|e
bse	बीएसई|बॉम्बे स्टॉक एक्सचेंज	e|e
nse	एनएसई	e
market cap	बाजार पूंजीकरण|मार्केट कैप	t|e
dividend	लाभांश|डिविडेंड	t|e
quarterly results	तिमाही नतीजे	u
quarter	तिमाही	c
annual	वार्षिक|सालाना	t|u
turnover	कारोबार|टर्नओवर	u|e
valuation	मूल्यांकन|वैल्यूएशन	t|e
funding	फंडिंग|वित्त पोषण	e|t
unicorn	यूनिकॉर्न	e
brand	ब्रांड	e
advertisement	विज्ञापन|इश्तिहार|ऐड	t|u|e
export ban	निर्यात पर रोक|निर्यात प्रतिबंध	t|t
rupee falls	रुपया गिरा|रुपये में गिरावट	c|c
forex reserves	विदेशी मुद्रा भंडार	t
foreign exchange	विदेशी मुद्रा	t
world bank	विश्व बैंक	t
imf	आईएमएफ|अंतरराष्ट्रीय मुद्रा कोष	e|t
wto	डब्ल्यूटीओ|विश्व व्यापार संगठन	e|t
free trade agreement	मुक्त व्यापार समझौता|एफटीए	t|e
`;
