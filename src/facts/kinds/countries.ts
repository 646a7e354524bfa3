// Countries by their Japanese names, and their ISO 3166 codes: where data is (region) and whose law
// governs (governing_law). Longer names first where one holds another (インドネシア, インド).
export const COUNTRIES: readonly (readonly [string, string])[] = [
  ['日本国', 'JP'], ['日本', 'JP'], ['アメリカ合衆国', 'US'], ['米国', 'US'], ['アメリカ', 'US'], ['英国', 'GB'], ['イギリス', 'GB'],
  ['シンガポール', 'SG'], ['韓国', 'KR'], ['台湾', 'TW'], ['香港', 'HK'], ['中国', 'CN'], ['ドイツ', 'DE'], ['フランス', 'FR'],
  ['アイルランド', 'IE'], ['オランダ', 'NL'], ['ベルギー', 'BE'], ['スイス', 'CH'], ['スウェーデン', 'SE'], ['フィンランド', 'FI'],
  ['オーストラリア', 'AU'], ['ニュージーランド', 'NZ'], ['カナダ', 'CA'], ['ブラジル', 'BR'], ['インドネシア', 'ID'], ['インド', 'IN'],
  ['ベトナム', 'VN'], ['フィリピン', 'PH'], ['マレーシア', 'MY'],
];
