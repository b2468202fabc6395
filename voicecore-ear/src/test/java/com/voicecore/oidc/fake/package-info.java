/**
 * A fake OpenID Connect provider on loopback (discovery, authorization code flow with a sign-in form, token
 * endpoint with client authentication, RS256 ID tokens, JWKS, userinfo, RP-initiated logout), for the console's
 * single sign-on tests. Tokens are built and signed with nimbus-jose-jwt.
 */
package com.voicecore.oidc.fake;
