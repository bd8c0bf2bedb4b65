// Sport: games, tournaments, players, results.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const SPORT = `
sport	खेल|स्पोर्ट्स	c|e
game	खेल|गेम	c|e
match	मैच|मुकाबला	e|u
player	खिलाड़ी|प्लेयर	c|e
team	टीम|दल	e|t
captain	कप्तान|कैप्टन	u|e
vice captain	उपकप्तान	u
coach	कोच|प्रशिक्षक	e|t
cricket	क्रिकेट	e
cricketer	क्रिकेटर|क्रिकेट खिलाड़ी	e|c
batsman	बल्लेबाज	u
batter	बल्लेबाज	u
batting	बल्लेबाजी	u
bowler	गेंदबाज	c
bowling	गेंदबाजी	c
fast bowler	तेज गेंदबाज	c
spinner	स्पिनर|फिरकी गेंदबाज	e|c
spin	स्पिन|फिरकी	e|c
wicket	विकेट	e
wicketkeeper	विकेटकीपर	e
all rounder	ऑलराउंडर|हरफनमौला	e|u
runs	रन	e
century	शतक|सेंचुरी	t|e
half century	अर्धशतक|फिफ्टी	t|e
double century	दोहरा शतक	t
boundary	बाउंड्री|चौका	e|c
not out	नाबाद	u
innings	पारी	c
ball	गेंद|बॉल	c|e
bat	बल्ला	c
pitch	पिच	e
umpire	अंपायर	e
test match	टेस्ट मैच	e
one day	वनडे	e
odi	वनडे	e
t20	टी20	e
world cup	विश्व कप|वर्ल्ड कप	t|e
world cup final	विश्व कप फाइनल|वर्ल्ड कप फाइनल	t|e
ipl	आईपीएल|इंडियन प्रीमियर लीग	e|e
auction	नीलामी|ऑक्शन	u|e
series	सीरीज|श्रृंखला	e|t
tournament	टूर्नामेंट|प्रतियोगिता	e|t
championship	चैंपियनशिप|प्रतियोगिता	e|t
competition	प्रतियोगिता|मुकाबला	t|u
league	लीग	e
final	फाइनल|खिताबी मुकाबला	e|u
semifinal	सेमीफाइनल	e
semi final	सेमीफाइनल	e
quarterfinal	क्वार्टरफाइनल	e
quarter final	क्वार्टरफाइनल	e
title	खिताब	u
trophy	ट्रॉफी	e
champion	चैंपियन|विजेता	e|t
winner	विजेता	t
runner up	उपविजेता	t
medal	पदक|मेडल	t|e
gold medal	स्वर्ण पदक|गोल्ड मेडल	t|e
silver medal	रजत पदक|सिल्वर मेडल	t|e
bronze medal	कांस्य पदक|ब्रॉन्ज मेडल	t|e
olympic	ओलंपिक	e
paralympics	पैरालंपिक	e
asian games	एशियाई खेल|एशियन गेम्स	t|e
commonwealth games	राष्ट्रमंडल खेल|कॉमनवेल्थ गेम्स	t|e
athlete	एथलीट|खिलाड़ी	e|c
athletics	एथलेटिक्स	e
javelin	भाला फेंक|जेवलिन	c|e
javelin throw	भाला फेंक	c
high jump	ऊंची कूद	c
long jump	लंबी कूद	c
race	दौड़|रेस	c|e
marathon	मैराथन	e
sprint	फर्राटा दौड़	c
football	फुटबॉल	e
goal	गोल	e
hockey	हॉकी	e
kabaddi	कबड्डी	c
pro kabaddi	प्रो कबड्डी	e
wrestling	कुश्ती	u
wrestler	पहलवान	u
boxing	मुक्केबाजी|बॉक्सिंग	c|e
boxer	मुक्केबाज|बॉक्सर	c|e
badminton	बैडमिंटन	e
shuttler	शटलर|बैडमिंटन खिलाड़ी	e|c
tennis	टेनिस	e
table tennis	टेबल टेनिस	e
chess	शतरंज	u
grandmaster	ग्रैंडमास्टर	e
shooting range	शूटिंग रेंज	e
shooter	निशानेबाज|शूटर	u|e
archery	तीरंदाजी	u
archer	तीरंदाज	u
weightlifting	भारोत्तोलन|वेटलिफ्टिंग	t|e
weightlifter	भारोत्तोलक|वेटलिफ्टर	t|e
swimming	तैराकी	c
swimmer	तैराक	c
cycling	साइकिलिंग	e
golf	गोल्फ	e
volleyball	वॉलीबॉल	e
basketball	बास्केटबॉल	e
khel ratna	खेल रत्न	t
arjuna award	अर्जुन पुरस्कार	t
stadium	स्टेडियम|मैदान	e|u
ground	मैदान	u
home ground	घरेलू मैदान	u
fans	प्रशंसक|फैंस	t|e
fan	प्रशंसक|फैन	t|e
audience	दर्शक	t
spectators	दर्शक	t
score	स्कोर	e
scorecard	स्कोरकार्ड	e
record	रिकॉर्ड|कीर्तिमान	e|t
world record	विश्व रिकॉर्ड|वर्ल्ड रिकॉर्ड	t|e
debut	पदार्पण|डेब्यू	t|e
retirement	संन्यास|रिटायरमेंट	t|e
squad	टीम|दल	e|t
selection	चयन|सेलेक्शन	t|e
selector	चयनकर्ता|सेलेक्टर	t|e
bcci	बीसीसीआई|भारतीय क्रिकेट कंट्रोल बोर्ड	e|e
icc	आईसीसी	e
fifa	फीफा	e
team india	टीम इंडिया|भारतीय टीम	e|t
indian team	भारतीय टीम|टीम इंडिया	t|e
opponent	प्रतिद्वंद्वी|विरोधी	t|t
rival	प्रतिद्वंद्वी	t
draw	ड्रॉ|बराबरी	e|u
super over	सुपर ओवर	e
penalty shootout	पेनल्टी शूटआउट	e
red card	रेड कार्ड	e
hat trick	हैट्रिक	e
man of the match	प्लेयर ऑफ द मैच|मैन ऑफ द मैच	e|e
player of the match	प्लेयर ऑफ द मैच	e
ranking	रैंकिंग	e
points table	अंक तालिका|पॉइंट्स टेबल	t|e
points	अंक	t
net run rate	नेट रन रेट	e
practice	अभ्यास|प्रैक्टिस	t|e
training	प्रशिक्षण|ट्रेनिंग	t|e
fitness	फिटनेस	e
doping	डोपिंग	e
umpiring	अंपायरिंग	e
dressing room	ड्रेसिंग रूम	e
toss	टॉस	e
target	लक्ष्य|टारगेट	t|e
defeated	हराया	c
victory margin	जीत का अंतर	c
clean sweep	क्लीन स्वीप	e
women cricket	महिला क्रिकेट	t
women team	महिला टीम	t
junior	जूनियर	e
national games	राष्ट्रीय खेल	t
khelo india	खेलो इंडिया	c
sports ministry	खेल मंत्रालय	c
sports minister	खेल मंत्री	c
gym	जिम|व्यायामशाला	e|t
yoga	योग	t
mountaineer	पर्वतारोही	t
mountaineering	पर्वतारोहण	t
horse race	घुड़दौड़	c
racing	रेसिंग	e
formula one	फॉर्मूला वन	e
motogp	मोटोजीपी	e
esports	ईस्पोर्ट्स	e
asia cup	एशिया कप	e
champions trophy	चैंपियंस ट्रॉफी	e
test series	टेस्ट सीरीज|टेस्ट श्रृंखला	e|t
odi series	वनडे सीरीज	e
t20 world cup	टी20 विश्व कप|टी20 वर्ल्ड कप	t|e
ranji trophy	रणजी ट्रॉफी	e
duleep trophy	दलीप ट्रॉफी	e
under 19	अंडर 19	e
women world cup	महिला विश्व कप	t
kho kho	खो खो	c
polo	पोलो	e
snooker	स्नूकर	e
sports quota	खेल कोटा	c
sports news	खेल समाचार|खेल की खबरें	t|u
national record	राष्ट्रीय रिकॉर्ड	t
personal best	व्यक्तिगत सर्वश्रेष्ठ	t
qualify	क्वालीफाई	e
qualified	क्वालीफाई	e
knockout	नॉकआउट	e
group stage	ग्रुप चरण	e
eliminated	बाहर|टूर्नामेंट से बाहर	c|c
upset	उलटफेर	c
comeback	वापसी	u
farewell match	विदाई मैच	c
`;
