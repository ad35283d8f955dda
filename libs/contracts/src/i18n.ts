/** A piece of copy in both languages the UIs speak (zh-CN is the default). */
export interface LocalizedText {
  zh: string;
  en: string;
}
