// The tests hand `ws`'s WebSocket class to the Hocuspocus provider, which types it as `any`;
// this is all they need of it (@types/ws is not a dependency).
declare module 'ws' {
  const WebSocket: new (url: string) => object;
  export default WebSocket;
}
