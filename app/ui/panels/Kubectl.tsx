/** A kubectl command and its output, as a terminal would print them. */
export function Kubectl({
  command,
  output,
  testId,
}: {
  command: string;
  output: string;
  testId?: string;
}) {
  return (
    <pre className="kubectl" data-testid={testId}>
      <span className="prompt">$ {command}</span>
      {'\n'}
      {output}
    </pre>
  );
}
