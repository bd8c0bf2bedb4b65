/** The demo's finished live blog: the half marathon, followed as it was run, then ended. */
export interface DemoLiveBlog {
  /** The demo story it belongs to, by headline. */
  readonly headline: string;
  readonly startedAt: string;
  readonly endedAt: string;
  /** Oldest first. */
  readonly posts: readonly { readonly at: string; readonly text: string; readonly keyEvent?: boolean; readonly quote?: { readonly text: string; readonly cite: string }; readonly author: string }[];
}

export const demoLiveBlog: DemoLiveBlog = {
  headline: 'हाफ मैराथन में दौड़े 12 हजार लोग, केन्या के धावक ने जीता खिताब',
  startedAt: '2023-03-19T05:45:00+05:30',
  endedAt: '2023-03-19T09:30:00+05:30',
  posts: [
    { at: '2023-03-19T05:45:00+05:30', author: 'रोहित तिवारी', text: 'नमस्कार! हाफ मैराथन के लाइव अपडेट में आपका स्वागत है। स्टार्ट लाइन पर धावक जुटने लगे हैं, मौसम साफ है।' },
    { at: '2023-03-19T06:00:00+05:30', author: 'रोहित तिवारी', text: 'दौड़ शुरू! मुख्य अतिथि ने हरी झंडी दिखाई, पहले एलीट धावक रवाना हुए।', keyEvent: true },
    { at: '2023-03-19T06:35:00+05:30', author: 'आमिर सिद्दीकी', text: '10 किलोमीटर पर केन्या के दो धावक सबसे आगे, उनके पीछे तीन भारतीय धावक करीब 40 सेकंड पीछे।' },
    { at: '2023-03-19T07:05:00+05:30', author: 'आमिर सिद्दीकी', text: 'पुरुष वर्ग का फैसला: केन्या के धावक ने 1 घंटा 3 मिनट में खिताब जीता।', keyEvent: true },
    { at: '2023-03-19T07:20:00+05:30', author: 'रोहित तिवारी', text: 'महिला वर्ग में स्थानीय धाविका पहले स्थान पर रहीं।', keyEvent: true },
    { at: '2023-03-19T07:40:00+05:30', author: 'रोहित तिवारी', text: 'विजेता धाविका ने कहा:', quote: { text: 'शहर के लोगों ने रास्ते भर हौसला बढ़ाया, यह जीत उन्हीं की है।', cite: 'महिला वर्ग की विजेता' } },
    { at: '2023-03-19T09:30:00+05:30', author: 'आमिर सिद्दीकी', text: 'आखिरी धावकों ने भी दौड़ पूरी की; 70 साल से ज्यादा उम्र के 40 रनर्स ने फिनिश लाइन पार की। लाइव अपडेट यहीं समाप्त, साथ बने रहने के लिए धन्यवाद।' },
  ],
};
