package io.github.okmsvm.sandbox.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ordering: carts, the {@code okms} item and its {@code region}, checkout, payment, and {@code /me/order}. A paid
 * order goes {@code checking} → {@code delivering} → {@code delivered}, one state step apart; on delivery the
 * OKMS exists.
 */
final class OrderRoutes {
  private final SandboxAccount account;
  private final Map<String, Cart> carts = new LinkedHashMap<>();
  private final Map<Long, Order> orders = new LinkedHashMap<>();
  private long nextItemId = 300_000_001L;
  private long nextOrderId = 200_000_001L;

  OrderRoutes(SandboxAccount account) {
    this.account = account;
  }

  private static final class Cart {
    final String id;
    final String description;
    final Instant expire;
    final Map<Long, Map<String, String>> items = new LinkedHashMap<>();
    boolean assigned;
    boolean checkedOut;

    Cart(String id, String description, Instant expire) {
      this.id = id;
      this.description = description;
      this.expire = expire;
    }

    Map<String, Object> toJson() {
      return Models.object("cartId", id, "description", description, "expire", expire.toString(), "items",
          List.copyOf(items.keySet()), "readOnly", checkedOut);
    }
  }

  private static final class Order {
    final long id;
    final String region;
    final Instant date;
    String status = "notPaid";
    String okmsId;

    Order(long id, String region) {
      this(id, region, Instant.now());
    }

    Order(long id, String region, Instant date) {
      this.date = date;
      this.id = id;
      this.region = region;
    }
  }

  /** nichandle.OvhSubsidiaryEnum, as the /1.0/order schema lists it. */
  private static final java.util.Set<String> SUBSIDIARIES = java.util.Set.of("CZ", "DE", "ES", "EU", "FI", "FR", "GB",
      "IE", "IT", "LT", "MA", "NL", "PL", "PT", "SN", "TN");

  void register(OvhApiServer server) {
    server.route("POST", "v1", "/order/cart", "order:apiovh:cart/create", call -> {
      String subsidiary = call.text("ovhSubsidiary");
      if (!SUBSIDIARIES.contains(subsidiary)) {
        throw ApiError.badRequest("Invalid value for parameter ovhSubsidiary: " + subsidiary
            + " is not one of nichandle.OvhSubsidiaryEnum");
      }
      synchronized (this) {
        String expire = call.optionalText("expire");
        Instant expiry;
        try {
          expiry = expire == null ? Instant.now().plus(1, ChronoUnit.DAYS) : java.time.OffsetDateTime.parse(expire)
              .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
          throw ApiError.badRequest("Invalid value for parameter expire: not a datetime");
        }
        Cart cart = new Cart(UUID.randomUUID().toString(), call.optionalText("description") == null ? ""
            : call.optionalText("description"), expiry.truncatedTo(ChronoUnit.SECONDS));
        carts.put(cart.id, cart);
        return Reply.ok(cart.toJson());
      }
    });
    server.route("GET", "v1", "/order/cart", "order:apiovh:cart/get", call -> {
      synchronized (this) {
        String description = call.query.get("description");
        carts.values().removeIf(cart -> cart.expire.isBefore(Instant.now()));
        return Reply.ok(carts.values().stream().filter(cart -> description == null
            || cart.description.equals(description)).map(cart -> cart.id).toList());
      }
    });
    server.route("GET", "v1", "/order/cart/{cartId}", "order:apiovh:cart/get", call -> {
      synchronized (this) {
        return Reply.ok(cart(call).toJson());
      }
    });
    server.route("DELETE", "v1", "/order/cart/{cartId}", "order:apiovh:cart/delete", call -> {
      synchronized (this) {
        carts.remove(cart(call).id);
        return Reply.nothing();
      }
    });
    server.route("POST", "v1", "/order/cart/{cartId}/assign", "order:apiovh:cart/assign", call -> {
      synchronized (this) {
        cart(call).assigned = true;
        return Reply.nothing();
      }
    });
    server.route("POST", "v1", "/order/cart/{cartId}/okms", "order:apiovh:cart/item/create", call -> {
      JsonNode body = call.json();
      for (String field : List.of("duration", "planCode", "pricingMode", "quantity")) {
        if (!body.hasNonNull(field)) {
          throw ApiError.badRequest("[" + field + "] Property is mandatory");
        }
      }
      if (!body.get("planCode").asText().equals("okms")) {
        throw ApiError.badRequest("Plan " + body.get("planCode").asText() + " does not exist for product okms");
      }
      synchronized (this) {
        Cart cart = cart(call);
        long itemId = nextItemId++;
        cart.items.put(itemId, new LinkedHashMap<>());
        return Reply.ok(item(cart, itemId));
      }
    });
    server.route("POST", "v1", "/order/cart/{cartId}/item/{itemId}/configuration",
        "order:apiovh:cart/item/configuration/create", call -> {
          String label = call.text("label");
          String value = call.text("value");
          if (label.equals("region") && !OkmsRoutes.REGIONS.contains(value)) {
            throw ApiError.badRequest("Value " + value + " is not allowed for configuration region, allowed: "
                + String.join(", ", OkmsRoutes.REGIONS));
          }
          synchronized (this) {
            Map<String, String> item = item(cart(call), call.param("itemId"));
            item.put(label, value);
            return Reply.ok(Models.object("id", (long) item.size(), "label", label, "value", value));
          }
        });
    server.route("POST", "v1", "/order/cart/{cartId}/checkout", "order:apiovh:cart/checkout/execute", call -> {
      JsonNode body = call.body.length == 0 ? null : call.json();
      synchronized (this) {
        Cart cart = cart(call);
        if (!cart.assigned) {
          throw ApiError.forbidden("The cart must be assigned to an account before checkout");
        }
        if (cart.items.isEmpty()) {
          throw ApiError.badRequest("The cart is empty");
        }
        String region = cart.items.values().iterator().next().get("region");
        if (region == null) {
          throw ApiError.badRequest("Missing required configuration region for item okms");
        }
        cart.checkedOut = true;
        Order order = new Order(nextOrderId++, region);
        if (body != null && body.path("autoPayWithPreferredPaymentMethod").asBoolean(false)) {
          startDelivery(order);
        }
        orders.put(order.id, order);
        return Reply.ok(Models.object("orderId", order.id, "url", "https://sandbox.invalid/order/" + order.id,
            "contracts", List.of(), "details", List.of(), "prices", Models.object("originalWithoutTax", null,
                "reduction", null, "tax", Models.euros(0), "withTax", Models.euros(0), "withoutTax",
                Models.euros(0))));
      }
    });
    server.route("GET", "v1", "/me/order", "account:apiovh:me/order/get", call -> {
      Instant from = dateFilter(call, "date.from");
      Instant to = dateFilter(call, "date.to");
      synchronized (this) {
        return Reply.ok(orders.values().stream().filter(order -> from == null || !order.date.isBefore(from))
            .filter(order -> to == null || !order.date.isAfter(to)).map(order -> order.id).toList());
      }
    });
    server.route("GET", "v1", "/me/order/{orderId}", "account:apiovh:me/order/get", call -> {
      synchronized (this) {
        Order order = order(call);
        return Reply.ok(Models.object("orderId", order.id, "date", order.date.toString(), "expirationDate",
            order.date.plus(1, ChronoUnit.DAYS).toString(), "metadatas", null, "password", "", "pdfUrl", "https://sandbox.invalid/pdf",
            "priceWithTax", Models.euros(0), "priceWithoutTax", Models.euros(0), "retractionDate", null, "tax",
            Models.euros(0), "url", "https://sandbox.invalid/order/" + order.id));
      }
    });
    server.route("POST", "v1", "/me/order/{orderId}/pay", "account:apiovh:me/order/pay", call -> {
      JsonNode body = call.json();
      if (!body.path("paymentMethod").hasNonNull("id")) {
        throw ApiError.badRequest("[paymentMethod.id] Property is mandatory");
      }
      synchronized (this) {
        Order order = order(call);
        if (!order.status.equals("notPaid")) {
          throw ApiError.badRequest("This order is already paid");
        }
        startDelivery(order);
        return Reply.nothing();
      }
    });
    server.route("GET", "v1", "/me/order/{orderId}/status", "account:apiovh:me/order/status/get", call -> {
      synchronized (this) {
        Order order = order(call);
        return Reply.ok(order.status);
      }
    });
    server.route("GET", "v1", "/me/order/{orderId}/details", "account:apiovh:me/order/details/get", call -> {
      synchronized (this) {
        return Reply.ok(List.of(order(call).id * 10));
      }
    });
    server.route("GET", "v1", "/me/order/{orderId}/details/{orderDetailId}", "account:apiovh:me/order/details/get",
        call -> {
          synchronized (this) {
            Order order = detailOf(call);
            return Reply.ok(Models.object("orderDetailId", order.id * 10, "cancelled", false, "description",
                "OVHcloud KMS " + order.region, "detailType", "DURATION", "domain",
                order.okmsId == null ? "*001" : order.okmsId, "quantity", "1", "totalPrice", Models.euros(0),
                "unitPrice", Models.euros(0)));
          }
        });
    server.route("GET", "v1", "/me/order/{orderId}/details/{orderDetailId}/extension",
        "account:apiovh:me/order/details/extension/get", call -> {
          synchronized (this) {
            Order order = detailOf(call);
            return Reply.ok(Models.object("order", Models.object("action", "installation", "type", "plan",
                "configurations", List.of(Models.object("label", "region", "value", order.region)),
                "plan", Models.object("code", "okms", "duration", "P1M", "pricingMode", "default", "quantity", 1L,
                    "product", Models.object("name", "okms")))));
          }
        });
    server.route("GET", "v1", "/me/payment/method", "account:apiovh:me/payment/method/get",
        call -> Reply.ok(List.of(4_200_001L)));
  }

  /** Seeds {@code count} delivered orders of past years, one an hour going back from a year ago. */
  synchronized void pastOrders(int count) {
    Instant yearAgo = Instant.now().minus(365, ChronoUnit.DAYS);
    for (int i = 0; i < count; i++) {
      Order order = new Order(nextOrderId++, "eu-west-rbx", yearAgo.minus(i, ChronoUnit.HOURS));
      order.status = "delivered";
      orders.put(order.id, order);
    }
  }

  /** {@code date.from} / {@code date.to}: an ISO date-time, or absent. */
  private static Instant dateFilter(Call call, String name) {
    String value = call.query.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiError.badRequest("Invalid value for parameter " + name + ": " + value + " is not a datetime");
    }
  }

  /** A paid order is checked, then delivered (its OKMS made), one state step after the other. */
  private void startDelivery(Order order) {
    order.status = "checking";
    account.pace.after(1, () -> {
      synchronized (this) {
        order.status = "delivering";
      }
    });
    account.pace.after(2, () -> {
      synchronized (this) {
        order.status = "delivered";
        order.okmsId = account.provisionOkms(order.region, true).id;
      }
    });
  }

  private Cart cart(Call call) {
    Cart cart = carts.get(call.param("cartId"));
    if (cart == null) {
      throw ApiError.noSuchObject("cartId", call.param("cartId"));
    }
    return cart;
  }

  private static Map<String, String> item(Cart cart, String itemId) {
    try {
      Map<String, String> item = cart.items.get(Long.parseLong(itemId));
      if (item != null) {
        return item;
      }
    } catch (NumberFormatException e) {
      // falls through to not found
    }
    throw ApiError.noSuchObject("itemId", itemId);
  }

  private static Map<String, Object> item(Cart cart, long itemId) {
    return Models.object("itemId", itemId, "cartId", cart.id, "configurations", new ArrayList<>(), "duration", "P1M",
        "offerId", null, "options", List.of(), "parentItemId", null, "prices", List.of(Models.object("label",
            "PRICE", "price", Models.euros(0), "promotions", null)), "productId", "okms", "settings",
        Models.object("planCode", "okms", "pricingMode", "default", "quantity", 1L));
  }

  private Order order(Call call) {
    try {
      Order order = orders.get(Long.parseLong(call.param("orderId")));
      if (order != null) {
        return order;
      }
    } catch (NumberFormatException e) {
      // falls through to not found
    }
    throw ApiError.noSuchObject("orderId", call.param("orderId"));
  }

  private Order detailOf(Call call) {
    Order order = order(call);
    if (!call.param("orderDetailId").equals(Long.toString(order.id * 10))) {
      throw ApiError.noSuchObject("orderDetailId", call.param("orderDetailId"));
    }
    return order;
  }
}
