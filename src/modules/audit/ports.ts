/** What the audit log needs from others: the admins' emails to show beside their ids (users). */
export interface ActorDirectory {
  emailsOf(ids: string[]): Promise<Map<string, string>>;
}
