/**
 * Drops stale completion requests: each request for a document takes a ticket, and only
 * the newest ticket of that document may show its answer. Never imports `vscode`.
 */
export class LatestOnly {
  private readonly newest = new Map<string, number>();
  private next = 0;

  /** A ticket for a new request on `docId`; every earlier ticket of it becomes stale. */
  begin(docId: string): number {
    const t = ++this.next;
    this.newest.set(docId, t);
    return t;
  }

  isLatest(docId: string, ticket: number): boolean {
    return this.newest.get(docId) === ticket;
  }

  forget(docId: string): void {
    this.newest.delete(docId);
  }
}
