/**
 * The call-over chime: a two-note "ding-dong" made with Web Audio, so that an RM looking away from the
 * screen hears that a customer is waiting. Sound is a help, never a requirement: where there is no audio
 * (no AudioContext, no output device, a browser that refuses to start it) the chime stays silent and
 * the screen's visual alert does the work. Nothing here throws.
 */

type AudioContextClass = typeof AudioContext;

/** Two notes a fourth apart (A5, D6): a doorbell, soft enough for an office. */
const NOTES_HZ = [880, 1174.66];
const NOTE_GAP_SECONDS = 0.22;
const NOTE_LENGTH_SECONDS = 0.9;
const VOLUME = 0.25;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextClass | null {
  const scope = globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return scope.AudioContext ?? scope.webkitAudioContext ?? null;
}

/** The page's one audio context, made on first use; null where there is no Web Audio. */
function audio(): AudioContext | null {
  const Context = audioContextClass();
  if (!Context) return null;
  context ??= new Context();
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  return context;
}

/**
 * Lets the chime sound later: some browsers (Safari on a tablet) start audio only inside a user gesture,
 * so the console calls this on the RM's first tap or key press.
 */
export function unlockChime(): void {
  try {
    audio();
  } catch {
    // No sound here: the visual alert does the work.
  }
}

/**
 * Plays the chime once. Returns whether it could be scheduled (false where audio is unavailable). Browsers
 * let a page make sound after a user gesture; signing in is one, and `unlockChime` covers the stricter ones.
 */
export function playChime(): boolean {
  try {
    const output = audio();
    if (!output) return false;
    const start = output.currentTime + 0.02;
    NOTES_HZ.forEach((frequency, index) => {
      const at = start + index * NOTE_GAP_SECONDS;
      const oscillator = output.createOscillator();
      const gain = output.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      // A soft attack and a long fade: a bell, not a beep.
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(VOLUME, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + NOTE_LENGTH_SECONDS);
      oscillator.connect(gain).connect(output.destination);
      oscillator.start(at);
      oscillator.stop(at + NOTE_LENGTH_SECONDS + 0.05);
    });
    return true;
  } catch {
    return false;
  }
}
