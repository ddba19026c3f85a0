export default function Home() {
  return <main><h1>Recipe Console</h1></main>;
}
