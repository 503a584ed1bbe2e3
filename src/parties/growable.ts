/** An Int32Array that grows by doubling, for index arrays whose length is known only at the end of a pass. */
export class Growable {
  buf = new Int32Array(1024);
  len = 0;
  push(v: number): void {
    if (this.len === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = v;
  }
  done(): Int32Array {
    return this.buf.slice(0, this.len);
  }
}
