import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** A file written in chunks, waiting whenever the stream's buffer is full. */
export class ChunkWriter {
  private readonly out: WriteStream;
  constructor(file: string) {
    this.out = createWriteStream(file);
  }
  async write(chunk: string): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}
