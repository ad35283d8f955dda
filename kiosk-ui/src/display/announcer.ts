import type { LocalizedText } from '@lobbyflow/contracts';
import { callAnnouncement } from '@lobbyflow/ui-kit';

export interface AnnouncerSettings {
  /** Languages to announce in, in order. */
  languages: ('zh' | 'en')[];
  /** How many times each call is read out. */
  repeat: number;
}

const SETTINGS_KEY = 'lobbyflow.display.voice';
export const DEFAULT_SETTINGS: AnnouncerSettings = { languages: ['zh', 'en'], repeat: 2 };

export function loadSettings(): AnnouncerSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as AnnouncerSettings | null;
    if (stored && Array.isArray(stored.languages) && stored.repeat >= 1 && stored.repeat <= 3) return stored;
  } catch {
    // Fall back to the defaults below.
  }
  return DEFAULT_SETTINGS;
}

export function saveSettings(settings: AnnouncerSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

const VOICE_LANG = { zh: 'zh-CN', en: 'en-US' } as const;

/**
 * Reads calls aloud through the Web Speech API, one at a time: a call is queued behind the one being
 * spoken, so voices never overlap. Where no voice is installed for a language, a two-tone chime plays
 * instead, so that a call is never silent.
 */
export class Announcer {
  private readonly queue: (() => Promise<void>)[] = [];
  private running = false;
  private audio: AudioContext | null = null;

  constructor(private settings: AnnouncerSettings) {}

  update(settings: AnnouncerSettings): void {
    this.settings = settings;
  }

  /** Opens the audio output; a browser without a tap may keep it suspended until `unlock`. */
  prepare(): void {
    this.audio ??= new AudioContext();
  }

  /**
   * True when the browser lets this page make sound. A TV browser started with
   * `--autoplay-policy=no-user-gesture-required` allows it at once; otherwise one tap is needed.
   */
  get soundAllowed(): boolean {
    return !this.audio || this.audio.state === 'running';
  }

  /** Called from a tap: browsers allow sound only after one. */
  unlock(): void {
    this.prepare();
    void this.audio?.resume();
  }

  announce(number: string, counter: { code: string; name: LocalizedText }): void {
    for (let round = 0; round < this.settings.repeat; round++) {
      for (const language of this.settings.languages) {
        this.queue.push(() => this.say(callAnnouncement(number, counter, language), language));
      }
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.queue.length > 0) await (this.queue.shift() as () => Promise<void>)();
    this.running = false;
  }

  private say(text: string, language: 'zh' | 'en'): Promise<void> {
    const speech = globalThis.speechSynthesis;
    const voice = speech
      ?.getVoices()
      .find((candidate) => candidate.lang.replace('_', '-').startsWith(VOICE_LANG[language]));
    if (!speech || !voice) return this.chime();
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      utterance.onend = () => resolve();
      utterance.onerror = () => resolve();
      speech.speak(utterance);
    });
  }

  private chime(): Promise<void> {
    this.audio ??= new AudioContext();
    const context = this.audio;
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.35, 660],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.6);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.65);
    }
    return new Promise((resolve) => setTimeout(resolve, 1100));
  }
}
