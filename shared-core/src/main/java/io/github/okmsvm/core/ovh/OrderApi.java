package io.github.okmsvm.core.ovh;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.okmsvm.core.ovh.OvhEndpoint.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Ordering an OKMS through API v1: cart, item, configuration, checkout, payment, order status and details. */
public final class OrderApi {
  private static final TypeReference<List<Long>> IDS = new TypeReference<>() {};

  private final OvhApi api;

  public OrderApi(OvhApi api) {
    this.api = api;
  }

  /** {@code GET /me}: the account, whose {@code ovhSubsidiary} a cart needs. */
  public Me me() {
    return api.get(Version.V1, "/me", Map.of(), Me.class);
  }

  /** The API's clock: carts of runs on different machines compare on it. */
  public Instant serverTime() {
    return Instant.ofEpochSecond(api.serverTime());
  }

  /** A cart, which expires at {@code expire} if nothing is ordered with it. */
  public Cart createCart(String ovhSubsidiary, String description, Instant expire) {
    return api.post(Version.V1, "/order/cart", new CartCreation(ovhSubsidiary, description, expire), Cart.class);
  }

  /** The ids of the account's carts with this description ({@code GET /order/cart?description=}). */
  public List<String> cartIds(String description) {
    return api.get(Version.V1, "/order/cart", Map.of("description", description),
        new TypeReference<List<String>>() {});
  }

  public Cart cart(String cartId) {
    return api.get(Version.V1, "/order/cart/" + cartId, Map.of(), Cart.class);
  }

  public void deleteCart(String cartId) {
    api.delete(Version.V1, "/order/cart/" + cartId, Void.class);
  }

  public void assignCart(String cartId) {
    api.post(Version.V1, "/order/cart/" + cartId + "/assign", null, Void.class);
  }

  /** Adds the OKMS plan: {@code planCode okms, duration P1M, pricingMode default, quantity 1}. */
  public CartItem addOkms(String cartId) {
    return api.post(Version.V1, "/order/cart/" + cartId + "/okms",
        new ProductCreation("P1M", "okms", "default", 1), CartItem.class);
  }

  public Configuration configure(String cartId, long itemId, String label, String value) {
    return api.post(Version.V1, "/order/cart/" + cartId + "/item/" + itemId + "/configuration",
        new Configuration(null, label, value), Configuration.class);
  }

  public Order checkout(String cartId, boolean autoPayWithPreferredPaymentMethod) {
    return api.post(Version.V1, "/order/cart/" + cartId + "/checkout",
        new Checkout(autoPayWithPreferredPaymentMethod, true), Order.class);
  }

  /** The ids of the account's default payment methods. */
  public List<Long> defaultPaymentMethods() {
    return api.get(Version.V1, "/me/payment/method", Map.of("default", "true"), IDS);
  }

  public void pay(long orderId, long paymentMethodId) {
    api.post(Version.V1, "/me/order/" + orderId + "/pay", Map.of("paymentMethod", Map.of("id", paymentMethodId)),
        Void.class);
  }

  /** The ids of the account's orders. */
  public List<Long> orderIds() {
    return api.get(Version.V1, "/me/order", Map.of(), IDS);
  }

  /** The orders made since {@code from} ({@code date.from}), so that an account's years of orders are not read. */
  public List<Long> orderIdsSince(java.time.Instant from) {
    return api.get(Version.V1, "/me/order", Map.of("date.from", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
        .format(from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC))), IDS);
  }

  public OrderStatus status(long orderId) {
    return api.get(Version.V1, "/me/order/" + orderId + "/status", Map.of(), OrderStatus.class);
  }

  public List<Long> detailIds(long orderId) {
    return api.get(Version.V1, "/me/order/" + orderId + "/details", Map.of(), IDS);
  }

  public OrderDetail detail(long orderId, long detailId) {
    return api.get(Version.V1, "/me/order/" + orderId + "/details/" + detailId, Map.of(), OrderDetail.class);
  }

  public ItemDetail extension(long orderId, long detailId) {
    return api.get(Version.V1, "/me/order/" + orderId + "/details/" + detailId + "/extension", Map.of(),
        ItemDetail.class);
  }

  /** {@code nichandle.Nichandle}, the fields this product reads. */
  public record Me(String nichandle, String ovhSubsidiary) {}

  record CartCreation(String ovhSubsidiary, String description, Instant expire) {}

  record ProductCreation(String duration, String planCode, String pricingMode, long quantity) {}

  record Checkout(boolean autoPayWithPreferredPaymentMethod, boolean waiveRetractationPeriod) {}

  /** {@code order.cart.Cart}. */
  public record Cart(String cartId, String description, Instant expire, List<Long> items, boolean readOnly) {}

  /** {@code order.cart.Item}, the fields this product reads. */
  public record CartItem(long itemId, String cartId, String productId, List<Long> configurations) {}

  /** {@code order.cart.ConfigurationItem}. */
  public record Configuration(Long id, String label, String value) {}

  /** {@code order.Order}. */
  public record Order(Long orderId, String url, Prices prices) {}

  /** {@code order.OrderPrices}, the totals. */
  public record Prices(Price withoutTax, Price withTax) {}

  /** {@code order.Price}. */
  public record Price(String currencyCode, double value, String text) {}

  /** {@code billing.order.OrderStatusEnum}. */
  public enum OrderStatus {
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("cancelling") CANCELLING,
    @JsonProperty("checking") CHECKING,
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("delivering") DELIVERING,
    @JsonProperty("documentsRequested") DOCUMENTS_REQUESTED,
    @JsonProperty("notPaid") NOT_PAID,
    @JsonProperty("unknown") @JsonEnumDefaultValue UNKNOWN;

    /** Whether the order is still on its way (neither delivered nor abandoned). */
    public boolean isPending() {
      return this == CHECKING || this == DELIVERING || this == DOCUMENTS_REQUESTED || this == NOT_PAID;
    }
  }

  /** {@code billing.OrderDetail}: {@code domain} is the delivered service's name, the OKMS id for an OKMS. */
  public record OrderDetail(long orderDetailId, String description, String domain, String quantity) {}

  /** {@code billing.ItemDetail}. */
  public record ItemDetail(ItemOrder order) {
    /** The plan code of the ordered item, such as {@code okms}. */
    public String planCode() {
      return order == null || order.plan() == null ? null : order.plan().code();
    }
  }

  /** {@code billing.ItemDetail.Order}. */
  public record ItemOrder(Plan plan, List<Configuration> configurations) {}

  /** {@code billing.ItemDetail.OrderPlan}. */
  public record Plan(String code, String duration, String pricingMode, Long quantity) {}
}
