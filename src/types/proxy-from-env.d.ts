// proxy-from-env 2 ships no type declarations.
declare module "proxy-from-env" {
  /** The proxy URL for this URL from the *_proxy and no_proxy variables, or "" to go direct. */
  export function getProxyForUrl(url: string | URL): string;
}
