// Package harness tests the built backend executable the way Grafana runs it: started through
// hashicorp/go-plugin with the SDK's handshake, called over gRPC, against the reference service.
// Its tests need `npm run build:backend` first, and Node for the reference service.
package harness
