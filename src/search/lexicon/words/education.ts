// Education: schools, universities, exams, students and teachers.
// english<TAB>hindi form|…<TAB>register tag per form (t tatsam, c colloquial, u Urdu-origin,
// e English loanword in Devanagari). Format and review: ../README.md. Written for Samachar; MIT like the project.
export const EDUCATION = `
education	शिक्षा|तालीम|पढ़ाई	t|u|c
school	स्कूल|विद्यालय|पाठशाला	e|t|t
government school	सरकारी स्कूल|राजकीय विद्यालय	u|t
private school	निजी स्कूल|प्राइवेट स्कूल	t|e
primary school	प्राथमिक विद्यालय|प्राइमरी स्कूल	t|e
secondary school	माध्यमिक विद्यालय	t
college	कॉलेज|महाविद्यालय	e|t
university	विश्वविद्यालय|यूनिवर्सिटी|विवि	t|e|t
central university	केंद्रीय विश्वविद्यालय	t
vice chancellor	कुलपति|वीसी	t|e
chancellor	कुलाधिपति	t
registrar	कुलसचिव|रजिस्ट्रार	t|e
professor	प्रोफेसर|प्राध्यापक|आचार्य	e|t|t
teacher	शिक्षक|अध्यापक|टीचर|गुरु	t|t|e|t
principal	प्रधानाचार्य|प्रिंसिपल|प्राचार्य	t|e|t
headmaster	प्रधानाध्यापक|हेडमास्टर	t|e
lecturer	व्याख्याता|लेक्चरर	t|e
student	छात्र|विद्यार्थी|स्टूडेंट	t|t|e
girl student	छात्रा	t
pupil	छात्र|विद्यार्थी	t|t
exam	परीक्षा|इम्तिहान|एग्जाम	t|u|e
examination	परीक्षा|इम्तिहान	t|u
board exam	बोर्ड परीक्षा	e
entrance exam	प्रवेश परीक्षा	t
competitive exam	प्रतियोगी परीक्षा	t
paper leak	पेपर लीक|प्रश्नपत्र लीक	e|t
question paper	प्रश्नपत्र|पेपर	t|e
cheating in exam	नकल	u
copying	नकल	u
answer sheet	उत्तर पुस्तिका|कॉपी	t|e
evaluation	मूल्यांकन	t
marks	अंक|नंबर	t|e
grade	ग्रेड|श्रेणी	e|t
pass	पास|उत्तीर्ण	e|t
fail	फेल|अनुत्तीर्ण	e|t
topper	टॉपर	e
merit list	मेरिट सूची|मेरिट लिस्ट	e|e
cbse	सीबीएसई	e
icse	आईसीएसई	e
ncert	एनसीईआरटी	e
ugc	यूजीसी|विश्वविद्यालय अनुदान आयोग	e|t
neet	नीट	e
jee	जेईई	e
cuet	सीयूईटी	e
upsc	यूपीएससी|संघ लोक सेवा आयोग	e|t
civil services	सिविल सेवा	e
ias	आईएएस	e
ips	आईपीएस	e
ssc	एसएससी|कर्मचारी चयन आयोग	e|t
public service commission	लोक सेवा आयोग	t
psc	लोक सेवा आयोग|पीएससी	t|e
admission	दाखिला|प्रवेश|एडमिशन	u|t|e
fee	फीस|शुल्क	e|t
fee hike	फीस वृद्धि|फीस बढ़ोतरी	e|e
scholarship	छात्रवृत्ति|वजीफा|स्कॉलरशिप	t|u|e
hostel	छात्रावास|हॉस्टल	t|e
mid day meal	मिड डे मील|मध्याह्न भोजन	e|t
classroom	कक्षा|क्लासरूम	t|e
class	कक्षा|क्लास	t|e
syllabus	पाठ्यक्रम|सिलेबस	t|e
curriculum	पाठ्यक्रम	t
textbook	पाठ्यपुस्तक|किताब	t|u
book	किताब|पुस्तक	u|t
library	पुस्तकालय|लाइब्रेरी	t|e
literacy	साक्षरता	t
illiteracy	निरक्षरता	t
literate	साक्षर|पढ़ा लिखा	t|c
new education policy	नई शिक्षा नीति|एनईपी	c|e
nep	नई शिक्षा नीति|एनईपी	c|e
education policy	शिक्षा नीति	t
right to education	शिक्षा का अधिकार|आरटीई	t|e
rte	शिक्षा का अधिकार|आरटीई	t|e
coaching	कोचिंग	e
coaching centre	कोचिंग सेंटर|कोचिंग संस्थान	e|t
tuition	ट्यूशन	e
degree course	डिग्री कोर्स	e
graduation	स्नातक|ग्रेजुएशन	t|e
graduate	स्नातक	t
post graduation	स्नातकोत्तर|पोस्ट ग्रेजुएशन	t|e
phd	पीएचडी|शोध उपाधि	e|t
researcher	शोधार्थी|शोधकर्ता	t|t
thesis	शोध प्रबंध	t
convocation	दीक्षांत समारोह	t
academic session	शैक्षणिक सत्र	t
semester	सेमेस्टर	e
result declared	परिणाम घोषित|रिजल्ट जारी	t|e
pass percentage	पास प्रतिशत|उत्तीर्ण प्रतिशत	e|t
dropout	स्कूल छोड़ना|ड्रॉपआउट	c|e
enrolment	नामांकन	t
enrollment	नामांकन	t
iit	आईआईटी	e
iim	आईआईएम	e
engineering	इंजीनियरिंग|अभियांत्रिकी	e|t
medical education	चिकित्सा शिक्षा	t
mbbs	एमबीबीएस	e
skill development	कौशल विकास	t
vocational	व्यावसायिक	t
training institute	प्रशिक्षण संस्थान	t
iti	आईटीआई	e
anganwadi	आंगनबाड़ी	c
anganwadi worker	आंगनबाड़ी कार्यकर्ता	c
education department	शिक्षा विभाग	t
basic education	बेसिक शिक्षा	e
higher education	उच्च शिक्षा	t
teacher recruitment	शिक्षक भर्ती	t
tet	टीईटी|शिक्षक पात्रता परीक्षा	e|t
ctet	सीटीईटी	e
shiksha mitra	शिक्षामित्र	t
guest teacher	अतिथि शिक्षक	t
madrasa	मदरसा	u
sanskrit	संस्कृत	t
english medium	अंग्रेजी माध्यम	u
hindi medium	हिंदी माध्यम	t
language	भाषा|जबान	t|u
hindi	हिंदी	t
english	अंग्रेजी|इंग्लिश	u|e
mathematics	गणित	t
maths	गणित	t
science	विज्ञान|साइंस	t|e
history	इतिहास	t
geography	भूगोल	t
knowledge	ज्ञान|इल्म	t|u
learning	सीखना|अधिगम	c|t
online classes	ऑनलाइन कक्षाएं|ऑनलाइन क्लास	t|e
online education	ऑनलाइन शिक्षा	t
school bus	स्कूल बस	e
school van	स्कूल वैन	e
uniform	यूनिफॉर्म|वर्दी|पोशाक	e|u|t
school bag	स्कूल बैग|बस्ता	e|c
holiday	छुट्टी|अवकाश	c|t
summer vacation	गर्मी की छुट्टियां|ग्रीष्मावकाश	u|t
winter vacation	सर्दी की छुट्टियां|शीतकालीन अवकाश	u|t
school closed	स्कूल बंद	e
olympiad	ओलंपियाड	e
quiz	प्रश्नोत्तरी|क्विज	t|e
essay	निबंध	t
debate	वाद विवाद|बहस	t|u
ranking of universities	विश्वविद्यालय रैंकिंग	t
nirf	एनआईआरएफ	e
study abroad	विदेश में पढ़ाई	c
student visa	स्टूडेंट वीजा|छात्र वीजा	e|t
student union	छात्र संघ	t
student union election	छात्रसंघ चुनाव|छात्र संघ चुनाव	t|t
ragging	रैगिंग	e
board result	बोर्ड रिजल्ट|बोर्ड परिणाम	e|t
admit card	एडमिट कार्ड|प्रवेश पत्र	e|t
exam date	परीक्षा तिथि|परीक्षा की तारीख	t|u
exam centre	परीक्षा केंद्र	t
exam cancelled	परीक्षा रद्द	u
re exam	दोबारा परीक्षा|पुनः परीक्षा	u|t
compartment	कंपार्टमेंट|पूरक परीक्षा	e|t
revaluation	पुनर्मूल्यांकन	t
answer key	उत्तर कुंजी|आंसर की	t|e
cut off	कटऑफ	e
counselling	काउंसलिंग	e
seat allotment	सीट आवंटन	e
school timing	स्कूल का समय	e
smart class	स्मार्ट क्लास	e
pre primary	प्री प्राइमरी	e
kindergarten	किंडरगार्टन|बालवाड़ी	e|c
child education	बाल शिक्षा	t
girl education	बालिका शिक्षा	t
adult education	प्रौढ़ शिक्षा	t
distance education	दूरस्थ शिक्षा	t
open university	मुक्त विश्वविद्यालय	t
`;
