/**
 * What readers write under a story, as a Hindi news site's comments read: mostly Hindi,
 * some romanized Hindi and English, an emoji now and then. `{place}` and `{person}` are the
 * story's own place and person; `{name}` in a reply is the first name it answers. Pure data.
 */

/** Sentences of a comment; a comment is one or two of them. */
export const COMMENT_SENTENCES: readonly string[] = [
  'बहुत अच्छी और विस्तृत रिपोर्ट।',
  'ऐसी खबरें और दिखाइए, जमीनी हकीकत यही है।',
  'सरकार को इस पर जल्द से जल्द कदम उठाना चाहिए।',
  'आंकड़े कहां से लिए गए हैं? स्रोत भी बताइए।',
  'हमारे इलाके में भी यही हाल है, कोई सुनने वाला नहीं।',
  'पिछले साल भी यही कहा गया था, देखते हैं इस बार क्या होता है।',
  'इस खबर का अगला हिस्सा कब आएगा?',
  'शीर्षक थोड़ा भ्रामक है, खबर में तो कुछ और लिखा है।',
  'बिल्कुल सही बात।',
  'इस पर एक वीडियो रिपोर्ट भी बनाइए।',
  'खबर अच्छी है, लेकिन दूसरे पक्ष की राय भी होनी चाहिए थी।',
  'आखिरी पैराग्राफ में जो बात कही गई है, वही सबसे जरूरी है।',
  'क्या इसकी आधिकारिक पुष्टि हो चुकी है?',
  'युवाओं को इस बारे में जागरूक होना चाहिए।',
  'ऐसी खबरें अखबारों में कम ही दिखती हैं, अच्छा लगा।',
  'टैक्स हम भरते हैं, सुविधा कोई नहीं मिलती।',
  'यह तो होना ही था, फैसला बहुत देर से लिया गया।',
  'कृपया इस मुद्दे पर लगातार अपडेट देते रहें।',
  'लेख में तारीख एक बार दोबारा जांच लें।',
  '{place} के लोगों की परेशानी पर भी ध्यान दिया जाए।',
  '{place} में पिछले हफ्ते भी ऐसा ही देखने को मिला था।',
  '{person} जी की बात से पूरी तरह सहमत हूं।',
  '{person} जी ने सही मुद्दा उठाया है।',
  'मेरे गांव में भी ऐसा ही हुआ था, प्रशासन ने कोई मदद नहीं की।',
  'इसमें आम आदमी का क्या फायदा है, यह भी बताइए।',
  'सही समय पर सही खबर।',
  'अफसरों की जवाबदेही तय होनी चाहिए।',
  'अच्छी पहल है, बाकी राज्यों को भी सीखना चाहिए।',
  'यह खबर सबको शेयर करनी चाहिए।',
  'बच्चों और बुजुर्गों का खास ख्याल रखना होगा।',
  'धन्यवाद समाचार टीम।',
  'बहुत दुखद, प्रभावित परिवारों को जल्द मदद मिले।',
  'उम्मीद है इस बार वादे पूरे होंगे।',
  'पूरी खबर पढ़ने के बाद ही राय बनाइए, सिर्फ शीर्षक पढ़कर नहीं।',
  'bahut badhiya khabar, aise hi update dete rahiye',
  'sahi baat hai, yahi hona chahiye tha',
  'Very informative article, thanks for the detailed coverage.',
  'Good reporting, please follow up on this.',
  'ye news sabko padhni chahiye',
];

/** Ends a comment now and then. */
export const COMMENT_TAILS: readonly string[] = [' 🙏', ' 👍', ' 👏', ' 🇮🇳', '!!', ' …'];

/** Replies to another reader; `{name}` is the first word of that reader's name. */
export const REPLY_TEXTS: readonly string[] = [
  '@{name} आपसे पूरी तरह सहमत हूं।',
  '@{name} ऐसा नहीं है, खबर दोबारा पढ़िए।',
  '@{name} सही कहा आपने 👍',
  '@{name} स्रोत खबर में ही दिया गया है।',
  'हमारे यहां भी यही हाल है।',
  'इस पर बहस का कोई मतलब नहीं, समय बताएगा।',
  'धन्यवाद, मुझे यह जानकारी नहीं थी।',
  '@{name} ji bilkul sahi',
  'असहमत। इसमें सरकार की कोई गलती नहीं है।',
  '@{name} आपकी बात में दम है, पर दूसरा पहलू भी देखिए।',
];

/** What the spam folder catches: links and offers. */
export const SPAM_TEXTS: readonly string[] = [
  'घर बैठे कमाएं 50,000 रुपए महीना, अभी क्लिक करें https://paisa-kamao.example/offer https://paisa-kamao.example/join https://paisa-kamao.example/win',
  'सिर्फ 5 मिनट में सस्ता लोन, कोई कागज नहीं http://loan-turant.example/apply',
  'Best SEO services at cheap price, visit https://seo-king.example now!!!',
  'फ्री रिचार्ज जीतने के लिए इस लिंक पर जाएं https://free-recharge.example',
];
