package dev.opkit.client;

import dev.opkit.protocol.openapi.Spec;

/** The Open Payments operations this client calls, by spec document and {@code operationId}. */
enum Endpoint {
  GET_WALLET_ADDRESS(Spec.WALLET_ADDRESS_SERVER, "get-wallet-address", "GET"),
  GET_WALLET_ADDRESS_KEYS(Spec.WALLET_ADDRESS_SERVER, "get-wallet-address-keys", "GET"),
  POST_REQUEST(Spec.AUTH_SERVER, "post-request", "POST"),
  POST_CONTINUE(Spec.AUTH_SERVER, "post-continue", "POST"),
  DELETE_CONTINUE(Spec.AUTH_SERVER, "delete-continue", "DELETE"),
  POST_TOKEN(Spec.AUTH_SERVER, "post-token", "POST"),
  DELETE_TOKEN(Spec.AUTH_SERVER, "delete-token", "DELETE"),
  CREATE_INCOMING_PAYMENT(Spec.RESOURCE_SERVER, "create-incoming-payment", "POST"),
  LIST_INCOMING_PAYMENTS(Spec.RESOURCE_SERVER, "list-incoming-payments", "GET"),
  GET_INCOMING_PAYMENT(Spec.RESOURCE_SERVER, "get-incoming-payment", "GET"),
  COMPLETE_INCOMING_PAYMENT(Spec.RESOURCE_SERVER, "complete-incoming-payment", "POST"),
  CREATE_QUOTE(Spec.RESOURCE_SERVER, "create-quote", "POST"),
  GET_QUOTE(Spec.RESOURCE_SERVER, "get-quote", "GET"),
  CREATE_OUTGOING_PAYMENT(Spec.RESOURCE_SERVER, "create-outgoing-payment", "POST"),
  LIST_OUTGOING_PAYMENTS(Spec.RESOURCE_SERVER, "list-outgoing-payments", "GET"),
  GET_OUTGOING_PAYMENT(Spec.RESOURCE_SERVER, "get-outgoing-payment", "GET"),
  GET_OUTGOING_PAYMENT_GRANT(Spec.RESOURCE_SERVER, "get-outgoing-payment-grant", "GET");

  private final Spec spec;
  private final String operationId;
  private final String method;

  Endpoint(Spec spec, String operationId, String method) {
    this.spec = spec;
    this.operationId = operationId;
    this.method = method;
  }

  Spec spec() {
    return spec;
  }

  String operationId() {
    return operationId;
  }

  String method() {
    return method;
  }
}
