/**
 * A one-line progress bar on a terminal; plain periodic lines when output is not a TTY
 * (CI logs), so logs stay readable.
 */
export interface ProgressBar {
  update: (done: number, total: number) => void;
  done: () => void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let lastPercent = -1;
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round((percent / 100) * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      } else if (percent % 25 === 0) {
        stream.write(`${label}: ${done}/${total}\n`);
      }
    },
    done() {
      if (stream.isTTY && lastPercent >= 0) stream.write('\n');
    },
  };
}
