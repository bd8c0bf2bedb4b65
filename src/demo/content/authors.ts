/** Fictional reporters and desks of the demo site. */
import type { DemoAuthor } from '../demo-content.ts';

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'samachar-desk',
    name: 'समाचार डेस्क',
    nameLatin: 'Samachar Desk',
    bio: 'समाचार की न्यूज डेस्क, जो देश-दुनिया की बड़ी खबरें और लाइव अपडेट्स आप तक पहुंचाती है।',
  },
  {
    slug: 'anjali-sharma',
    name: 'अंजलि शर्मा',
    nameLatin: 'Anjali Sharma',
    bio: 'राजनीतिक संवाददाता; 12 साल से विधानसभा, चुनाव और नगरीय निकायों की रिपोर्टिंग कर रही हैं।',
  },
  {
    slug: 'rohit-tiwari',
    name: 'रोहित तिवारी',
    nameLatin: 'Rohit Tiwari',
    bio: 'खेल संवाददाता; घरेलू क्रिकेट, हॉकी और शतरंज पर लिखते हैं।',
  },
  {
    slug: 'neha-kulkarni',
    name: 'नेहा कुलकर्णी',
    nameLatin: 'Neha Kulkarni',
    bio: 'बिज़नेस और टेक्नोलॉजी डेस्क पर; बाजार, स्टार्टअप और डिजिटल दुनिया की खबरें कवर करती हैं।',
  },
  {
    slug: 'aamir-siddiqui',
    name: 'आमिर सिद्दीकी',
    nameLatin: 'Aamir Siddiqui',
    bio: 'सिटी रिपोर्टर; शहर, परिवहन, शिक्षा और मौसम से जुड़ी खबरों पर नजर रखते हैं।',
  },
  {
    slug: 'kavita-joshi',
    name: 'कविता जोशी',
    nameLatin: 'Kavita Joshi',
    bio: 'सेहत और मनोरंजन की खबरें लिखती हैं; डॉक्टरों और कलाकारों से बातचीत उनकी खासियत है।',
  },
];
