/**
 * Words that say nothing about what a story is about: Hindi postpositions, auxiliaries,
 * pronouns and conjunctions (in folded spelling: गए not गये, यहां not यहाँ), the same words
 * as readers type them in Latin letters, and English function words. They are not
 * indexed and not searched, but they keep their positions, so a phrase with a stopword
 * inside (मन की बात) still needs its words in the right places.
 *
 * Left out on purpose: numbers (दो, तीन), पहले/पहली (first), and words that are also
 * names or content in Latin letters (us, main, up: the US, main, Uttar Pradesh).
 */
import { foldWord } from './normalize.ts';

const HINDI = `
का की के को में से ने पर पे और व एवं है हैं था थी थीं थे हो होता होती होते होना होने होगा होगी होंगे
हुआ हुई हुईं हुए यह वह ये वे वो इस उस इन उन इसे उसे इसका उसका इसकी उसकी इसके उसके इनका उनका
इनकी उनकी इनके उनके इसमें उसमें इनमें उनमें इससे उससे इनसे उनसे इसपर उसपर उन्होंने इन्होंने उन्हें इन्हें
उन्हीं इन्हीं भी तो ही जो जिस जिसे जिसका जिसकी जिसके जिन जिन्हें जिन्होंने कि एक लिए तक साथ बाद
कर करके करने करना करता करती करते किया किए कियी गई गईं गए गया जा जाता जाती जाते जाने जाना जाएगा
जाएगी जाएंगे रहा रही रहीं रहे रहें रहता रहती रहते सकता सकती सकते नहीं न ना क्या कैसे कौन कब कहां
यहां वहां जब तब अब अपने अपना अपनी आप हम मैं मुझे हमें तुम या अगर लेकिन परंतु किंतु बल्कि फिर सभी
सब कुछ कोई किसी कई बहुत ऐसे ऐसा ऐसी वैसे वाला वाली वाले वालों द्वारा दौरान बारे तरह जैसे जैसा जैसी
सबसे कहा गयी गये लिये हुये दिया दी दिए ले लेकर दे देकर
`;

const ROMANIZED = `
ka ki ke ko me mein se ne par pe aur hai hain hei tha thi the ho hota hoti hote hona hone hoga hogi
honge hua hui hue ye yeh wo woh vo ve is in un bhi to hi jo ki ek liye lie tak sath saath baad kar
karke karne karna kiya kiye gaya gayi gai gaye gae ja jata jati jate raha rahi rahe sakta sakti
sakte nahi nahin na kya kaise kaun kab kahan yahan wahan jab tab ab apne apna apni aap hum ya agar
lekin phir sab kuch koi kisi kai bahut aise aisa wala wali wale dwara dauran bare tarah jaise sabse
kaha
`;

const ENGLISH = `
a an the of and or in on at to for from by with is are was were be been being this that these those
it its as into about than then there their them they he she his her we our you your not no but if so
`;

function folded(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(foldWord));
}

const STOPWORDS: ReadonlySet<string> = new Set([...folded(HINDI), ...folded(ROMANIZED), ...folded(ENGLISH)]);

/** Whether a folded word (see `foldWord`) is a stopword. */
export function isStopword(foldedWord: string): boolean {
  return STOPWORDS.has(foldedWord);
}

/** How many stopwords the list holds (for the README and tests). */
export const STOPWORD_COUNT = STOPWORDS.size;
