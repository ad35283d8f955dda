import { css } from 'lit';

export const displayBoardStyles = css`
  :host {
    display: grid;
    grid-template-rows: auto 1fr auto;
    /* Never wider than the screen, whatever the content asks for. */
    grid-template-columns: minmax(0, 1fr);
    height: 100vh;
    background: var(--lf-background);
    color: var(--lf-ink);
    font-family: var(--lf-font);
    overflow: hidden;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 1.2vh 2.5vw;
    background: var(--lf-brand);
    color: #fff;
  }
  .branch {
    font-size: 3.4vh;
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  .branch small {
    font-size: 2.2vh;
    font-weight: 400;
    opacity: 0.85;
    margin-left: 1em;
  }
  .clock {
    font-family: var(--lf-font-digits);
    font-size: 3.4vh;
  }
  main {
    display: grid;
    grid-template-columns: 1.55fr 1fr;
    gap: 2vw;
    padding: 2.5vh 2.5vw;
    min-height: 0;
  }
  section {
    background: var(--lf-surface);
    border-radius: var(--lf-radius);
    box-shadow: var(--lf-shadow);
    padding: 2.5vh 2vw;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  h2 {
    margin: 0 0 1.5vh;
    font-size: 2.8vh;
    color: var(--lf-ink-soft);
    font-weight: 600;
  }
  h2 span {
    font-weight: 400;
    margin-left: 0.6em;
    font-size: 0.8em;
  }
  .calling {
    flex: 1;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    text-align: center;
    border-radius: var(--lf-radius);
    background: var(--lf-brand-soft);
  }
  .calling.fresh {
    animation: flash 1s ease-in-out 3;
  }
  @keyframes flash {
    50% {
      background: #fff3c4;
    }
  }
  .calling .number {
    font-family: var(--lf-font-digits);
    font-size: 22vh;
    line-height: 1;
    font-weight: 800;
    color: var(--lf-brand-strong);
  }
  .calling .arrow {
    font-size: 9vh;
    color: var(--lf-accent);
    font-weight: 700;
  }
  .calling .sentence {
    font-size: 4.4vh;
    margin-top: 1.5vh;
    font-weight: 600;
  }
  .calling .sentence-en {
    font-size: 3vh;
    color: var(--lf-ink-soft);
  }
  .calling .idle {
    font-size: 4vh;
    color: var(--lf-ink-soft);
  }
  .awaiting {
    display: flex;
    flex-wrap: wrap;
    gap: 1vw;
    margin-top: 2vh;
    min-height: 8vh;
  }
  .awaiting .label {
    width: 100%;
    font-size: 2.4vh;
    color: var(--lf-ink-soft);
  }
  .chip {
    display: inline-flex;
    gap: 0.6em;
    align-items: baseline;
    padding: 1vh 1.4vw;
    border-radius: 999px;
    background: #fff3c4;
    border: 2px solid #e9c24a;
    font-size: 3.4vh;
    font-weight: 700;
  }
  .chip .to {
    font-weight: 500;
    font-size: 2.6vh;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 1.2vh;
  }
  ol li {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: baseline;
    padding: 1.4vh 1.2vw;
    border-radius: 10px;
    background: var(--lf-background);
    font-size: 4.6vh;
  }
  ol li:first-child {
    background: var(--lf-brand-soft);
  }
  ol li .number {
    font-family: var(--lf-font-digits);
    font-weight: 800;
    color: var(--lf-brand-strong);
  }
  ol li .where {
    font-size: 3.4vh;
  }
  /* Every queue in one row, sharing the width: a branch with more queues gets narrower cards whose lines
     wrap, never cards off the screen (nor a second row eating into the call above). */
  footer {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 1.2vw;
    padding: 0 2.5vw 2.5vh;
  }
  .queue {
    min-width: 0;
    /* Text scales down with the card's width (cqi), so that narrow cards of a branch with many queues
       keep their lines short. */
    container-type: inline-size;
    background: var(--lf-surface);
    border-radius: var(--lf-radius);
    box-shadow: var(--lf-shadow);
    padding: 1.4vh 1.2vw;
    border-top: 6px solid var(--lf-brand);
  }
  .queue .name {
    font-size: min(2.8vh, 13cqi);
    font-weight: 700;
  }
  .queue .name small {
    font-weight: 400;
    color: var(--lf-ink-soft);
    font-size: 0.75em;
    margin-left: 0.4em;
  }
  .queue .figures {
    font-size: min(2.4vh, 11cqi);
    margin-top: 0.6vh;
    color: var(--lf-ink-soft);
  }
  /* A figure moves to the next line as a whole ("约 12 分钟"); only one wider than the card breaks. */
  .queue .figures > span {
    display: inline-block;
    max-width: 100%;
  }
  .queue .figures > strong {
    white-space: nowrap;
  }
  .queue .figures strong {
    color: var(--lf-ink);
    font-size: 1.3em;
  }
  .banner {
    position: fixed;
    inset: auto 0 0 0;
    padding: 1.6vh;
    text-align: center;
    font-size: 3vh;
    background: var(--lf-accent);
    color: #fff;
  }
  .notice {
    margin: auto;
    max-width: 60vw;
    font-size: 3.4vh;
    text-align: center;
    line-height: 1.6;
  }
  .tools {
    display: flex;
    align-items: center;
    gap: 1.2vw;
  }
  /* In the header, never over the queues: a board waiting for its one tap still shows everything. */
  .sound {
    border: 0;
    border-radius: 999px;
    padding: 0.8vh 1.2vw;
    background: var(--lf-warn);
    color: #fff;
    font: inherit;
    font-size: 2vh;
    cursor: pointer;
  }
  .gear {
    background: none;
    border: 0;
    color: #fff;
    font-size: 3vh;
    cursor: pointer;
    opacity: 0.7;
  }
  dialog {
    border: 0;
    border-radius: var(--lf-radius);
    padding: 3vh 2.5vw;
    font-size: 2.6vh;
    box-shadow: var(--lf-shadow);
  }
  dialog label {
    display: block;
    margin: 1vh 0;
  }
  dialog input,
  dialog select,
  dialog button {
    font-size: inherit;
  }
`;
