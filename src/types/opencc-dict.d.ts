/** OpenCC's dictionaries, as opencc-js ships them: one string of `source target…|…` entries. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
