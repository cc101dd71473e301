export function App() {
  return (
    <main>
      <h1>Podlab</h1>
      <p>Kubernetes Pod lifecycle playground.</p>
    </main>
  );
}
