/** The citizen's dossier lookup, without an account, under /tra-cuu. */
export default function LookupPage() {
  return <p>Tra cứu hồ sơ</p>;
}
