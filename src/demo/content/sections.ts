/** The demo site's sections, in display order (the order of the main menu). */
import type { DemoSection } from '../demo-content.ts';

export const demoSections: DemoSection[] = [
  {
    slug: 'desh',
    name: 'देश',
    nameLatin: 'India',
    description: 'देश भर की बड़ी खबरें: शहर, गांव, मौसम, रेल और शिक्षा।',
  },
  {
    slug: 'videsh',
    name: 'विदेश',
    nameLatin: 'World',
    description: 'दुनिया भर से खबरें, कूटनीति और अंतरराष्ट्रीय घटनाक्रम।',
  },
  {
    slug: 'rajneeti',
    name: 'राजनीति',
    nameLatin: 'Politics',
    description: 'चुनाव, विधानसभा, नगर निगम और सियासी हलचल की हर खबर।',
  },
  {
    slug: 'khel',
    name: 'खेल',
    nameLatin: 'Sports',
    description: 'क्रिकेट, हॉकी, शतरंज, एथलेटिक्स और मैदान की हर अपडेट।',
  },
  {
    slug: 'business',
    name: 'बिज़नेस',
    nameLatin: 'Business',
    description: 'बाजार, सोना-चांदी, मंडी के भाव, स्टार्टअप और आपकी जेब से जुड़ी खबरें।',
  },
  {
    slug: 'manoranjan',
    name: 'मनोरंजन',
    nameLatin: 'Entertainment',
    description: 'फिल्में, वेब सीरीज, बॉक्स ऑफिस, संगीत और कला की दुनिया।',
  },
  {
    slug: 'tech',
    name: 'टेक',
    nameLatin: 'Technology',
    description: 'मोबाइल, इंटरनेट, AI, साइबर सुरक्षा और डिजिटल इंडिया की खबरें।',
  },
  {
    slug: 'swasthya',
    name: 'सेहत',
    nameLatin: 'Health',
    description: 'बीमारियों से बचाव, डॉक्टरों की सलाह, अस्पताल और स्वास्थ्य योजनाएं।',
  },
];
