// A one-line progress display on stderr for long jobs: redrawn in place on a terminal, one line
// per step otherwise (so CI logs stay readable).
export function progressLine(label: string) {
  const tty = process.stderr.isTTY;
  let lastLength = 0;
  return {
    update(done: number, total: number, detail = '') {
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${detail ? ` ${detail}` : ''}`;
      if (tty) {
        process.stderr.write(`\r${text}${' '.repeat(Math.max(0, lastLength - text.length))}`);
        lastLength = text.length;
      } else {
        process.stderr.write(`${text}\n`);
      }
    },
    done() {
      if (tty && lastLength > 0) process.stderr.write('\n');
    },
  };
}
