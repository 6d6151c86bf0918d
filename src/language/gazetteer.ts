/**
 * General geographic and naming knowledge used to tell places, people and organisations apart.
 * It is world knowledge, not knowledge of any article: countries, large cities and regions,
 * the words that end the names of places and organisations, titles that precede people's names,
 * and the adjectives of nationality.
 */

const list = (text: string): Set<string> =>
  new Set(
    text
      .split('|')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

/** Countries, territories, regions and large cities (lower case). */
export const PLACES: ReadonlySet<string> = list(`
afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|
bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|botswana|brazil|brunei|
bulgaria|burkina faso|burundi|cambodia|cameroon|canada|chad|chile|china|colombia|congo|costa rica|
croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|ecuador|egypt|el salvador|eritrea|
estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|
guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|
jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|
liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|
mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|
namibia|nauru|nepal|netherlands|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|norway|
oman|pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|
romania|russia|rwanda|samoa|san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|
slovakia|slovenia|somalia|south africa|south korea|south sudan|spain|sri lanka|sudan|suriname|sweden|
switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|tunisia|turkey|turkmenistan|
tuvalu|uganda|ukraine|united arab emirates|united kingdom|united states|america|uruguay|uzbekistan|
vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|korea|hong kong|macau|tibet|xinjiang|crimea|
gaza|west bank|greenland|scotland|wales|england|britain|great britain|europe|asia|africa|oceania|
north america|south america|latin america|middle east|east asia|northeast asia|southeast asia|
south asia|central asia|indo-pacific|pacific|atlantic|arctic|antarctica|balkans|caribbean|
korean peninsula|taiwan strait|
beijing|shanghai|guangzhou|shenzhen|tianjin|chongqing|wuhan|chengdu|nanjing|hangzhou|xi'an|qingdao|
dalian|shenyang|harbin|seoul|busan|incheon|daegu|daejeon|gwangju|ulsan|gyeongju|jeju|pyongyang|tokyo|
osaka|kyoto|yokohama|nagoya|sapporo|fukuoka|hiroshima|okinawa|taipei|kaohsiung|manila|hanoi|
ho chi minh city|bangkok|jakarta|kuala lumpur|new delhi|delhi|mumbai|kolkata|chennai|bangalore|
karachi|lahore|islamabad|dhaka|kabul|tehran|baghdad|riyadh|dubai|abu dhabi|doha|ankara|istanbul|
jerusalem|tel aviv|cairo|lagos|nairobi|johannesburg|cape town|addis ababa|moscow|st petersburg|kyiv|
kiev|minsk|warsaw|berlin|munich|frankfurt|hamburg|paris|lyon|marseille|london|manchester|edinburgh|
dublin|madrid|barcelona|lisbon|rome|milan|naples|vienna|zurich|geneva|brussels|amsterdam|the hague|
copenhagen|stockholm|oslo|helsinki|prague|budapest|athens|washington|new york|los angeles|chicago|
san francisco|boston|houston|miami|seattle|toronto|montreal|vancouver|ottawa|mexico city|havana|
bogota|lima|santiago|buenos aires|sao paulo|rio de janeiro|brasilia|sydney|melbourne|canberra|
auckland|wellington|vladivostok|davos|hawaii|guam|alaska|california|texas|florida`);

/** Words that end (or start) the name of a place: "Sea of Japan", "Taiwan Strait". */
export const PLACE_WORDS: ReadonlySet<string> = list(`
sea|ocean|strait|straits|gulf|bay|river|lake|mountain|mountains|mount|island|islands|peninsula|
province|prefecture|county|district|city|state|region|valley|desert|coast|border|square|street|
avenue|road|airport|port|harbour|harbor|park|palace|hall|plaza|zone|canal|channel|sound|cape`);

/** Words that end the name of an organisation: "Foreign Ministry", "Hyundai Motor Group". */
export const ORGANISATION_WORDS: ReadonlySet<string> = list(`
university|college|school|institute|ministry|department|agency|office|council|committee|commission|
association|federation|union|party|group|company|corporation|corp|inc|ltd|co|holdings|bank|fund|
foundation|house|court|assembly|parliament|congress|senate|army|navy|force|forces|command|police|
service|services|news|times|post|journal|herald|daily|broadcasting|broadcaster|network|tv|radio|
electronics|motor|motors|airlines|airways|industries|technologies|energy|organisation|organization|
secretariat|cabinet|administration|government|summit|forum|nations|alliance|club|media|press|
centre|center|board|authority|reserve|exchange|academy|church|hospital|station|
fair|festival|expo|exhibition|games|olympics|cup|championship|championships|league|conference|
congress|convention|awards|show|week|talks|treaty|accord|act|initiative|programme|program|project`);

/**
 * Titles and roles written before a person's name ("President Xi Jinping", "Premier Li Qiang").
 * They are kept out of the name itself.
 */
export const TITLES: ReadonlySet<string> = list(`
president|vice|premier|prime|minister|chancellor|king|queen|prince|princess|emperor|pope|sheikh|
senator|sen|governor|gov|mayor|general|gen|admiral|colonel|col|captain|capt|lieutenant|sergeant|
secretary|chairman|chairwoman|chair|chief|executive|ceo|director|ambassador|envoy|spokesperson|
spokesman|spokeswoman|professor|prof|dr|doctor|mr|mrs|ms|miss|sir|dame|lord|lady|judge|justice|
foreign|defence|defense|finance|trade|deputy|leader|representative|rep|commissioner|speaker|
adviser|advisor|presidential|former|late|acting|first|supreme|state|councillor|counselor|analyst|
reporter|correspondent|editor|official|officials|economist|researcher`);

/** Adjectives of nationality mapped to the place they name ("Chinese" → "china"). */
export const DEMONYMS: Readonly<Record<string, string>> = {
  chinese: 'china',
  korean: 'korea',
  'south korean': 'south korea',
  'north korean': 'north korea',
  japanese: 'japan',
  american: 'united states',
  us: 'united states',
  'u.s.': 'united states',
  taiwanese: 'taiwan',
  russian: 'russia',
  british: 'united kingdom',
  french: 'france',
  german: 'germany',
  indian: 'india',
  vietnamese: 'vietnam',
  european: 'europe',
  asian: 'asia',
  ukrainian: 'ukraine',
  italian: 'italy',
  spanish: 'spain',
  canadian: 'canada',
  australian: 'australia',
  israeli: 'israel',
  iranian: 'iran',
  turkish: 'turkey',
  mongolian: 'mongolia',
  filipino: 'philippines',
  thai: 'thailand',
  indonesian: 'indonesia',
  pakistani: 'pakistan',
  saudi: 'saudi arabia',
  egyptian: 'egypt',
  mexican: 'mexico',
  brazilian: 'brazil',
  african: 'africa',
  norwegian: 'norway',
  swedish: 'sweden',
  finnish: 'finland',
  danish: 'denmark',
  dutch: 'netherlands',
  polish: 'poland',
  greek: 'greece',
  portuguese: 'portugal',
  irish: 'ireland',
  swiss: 'switzerland',
  austrian: 'austria',
  belgian: 'belgium',
  czech: 'czechia',
  hungarian: 'hungary',
  romanian: 'romania',
  argentine: 'argentina',
  chilean: 'chile',
  colombian: 'colombia',
  nigerian: 'nigeria',
  kenyan: 'kenya',
  malaysian: 'malaysia',
  singaporean: 'singapore',
  cambodian: 'cambodia',
  afghan: 'afghanistan',
  iraqi: 'iraq',
  syrian: 'syria',
  lebanese: 'lebanon',
  qatari: 'qatar',
  emirati: 'united arab emirates',
  'new zealand': 'new zealand',
  scottish: 'scotland',
  welsh: 'wales',
  english: 'england',
  kazakh: 'kazakhstan',
  uzbek: 'uzbekistan',
  nepali: 'nepal',
  bangladeshi: 'bangladesh',
  'sri lankan': 'sri lanka',
  palestinian: 'palestine',
  venezuelan: 'venezuela',
  cuban: 'cuba',
  peruvian: 'peru',
  ethiopian: 'ethiopia',
  'south african': 'south africa',
};

/** Words that, capitalised at the start of a sentence, are still ordinary words. */
export const COMMON_SENTENCE_STARTERS: ReadonlySet<string> = list(`
amid|also|asked|accompanied|officials|hours|days|weeks|months|years|meanwhile|however|later|earlier|
still|yet|but|and|or|so|then|thus|instead|last|next|this|that|these|those|on|in|at|by|for|from|with|
without|after|before|since|during|while|when|where|why|how|what|who|which|as|if|although|though|
despite|according|under|over|some|many|most|several|both|each|every|all|no|not|his|her|their|its|our|
my|your|the|a|an|it|he|she|they|we|i|you|there|here|taking|speaking|asked|analysts|experts|critics|
sources|residents|leaders|people|today|yesterday|tomorrow|now|once|recently|previously|separately|
elsewhere|first|second|finally|overall`);
