package io.github.okmsvm.core.steps;

import static io.github.okmsvm.core.config.SettingNames.KMIP_ENDPOINT;
import static io.github.okmsvm.core.config.SettingNames.OKMS_ID;
import static io.github.okmsvm.core.config.SettingNames.ORDER;
import static io.github.okmsvm.core.config.SettingNames.OVH_API;
import static io.github.okmsvm.core.config.SettingNames.REGION;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.ovh.IamMetadata;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OrderApi;
import io.github.okmsvm.core.ovh.OvhApiException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guide step 1: the OKMS of a region, found, or ordered when {@code order} allows it. Never orders while an OKMS
 * order of the account is pending: it pays or waits for that one instead.
 */
public final class OkmsOrderTask implements GuideStep {
  private static final int MAX_RACE_ROUNDS = 3;
  @Override
  public String name() {
    return "okmsOrder";
  }

  @Override
  public Set<String> settings() {
    return SettingNames.of(List.of(REGION, OKMS_ID, ORDER, KMIP_ENDPOINT), OVH_API);
  }

  @Override
  public void validate(EncryptionSettings settings) {
    Checks.all(settings::validateOkms, () -> Checks.kmipEndpoint(settings.kmipEndpoint));
  }

  @Override
  public String run(StepContext context) {
    EncryptionSettings settings = context.settings();
    OkmsApi okms = context.okms();
    Optional<OkmsApi.Resource> found = settings.okmsId != null ? Optional.of(byId(okms, settings.okmsId))
        : inRegion(context, okms, settings.region);
    if (found.isPresent()) {
      OkmsApi.Resource resource = found.get();
      if (ready(resource)) {
        publish(context, resource); // the steps after this one read on with what the list says
      }
      if (!ready(resource) || resource.publicCA() == null) {
        publish(context, awaitReady(context, okms, resource.id()));
      }
      return "OKMS " + resource.id() + " in " + resource.region();
    }
    String region = settings.region;
    Optional<PendingOrder> pending = pendingOrder(context.orders(), region);
    if (pending.isPresent()) {
      if (pending.get().status() == OrderApi.OrderStatus.NOT_PAID) {
        if (!context.change("pay pending OKMS order " + pending.get().id() + " (" + region + ")")) {
          return "would pay pending OKMS order " + pending.get().id();
        }
        pay(context.orders(), pending.get().id());
      } else {
        context.warn("an OKMS order (" + pending.get().id() + ") is already on its way: waiting for it, not"
            + " ordering another");
      }
      return delivered(context, okms, pending.get().id());
    }
    if (!settings.order) {
      throw new StepException("there is no OKMS in region " + region + " and order is false: set order=true to order"
          + " one (an OKMS is free; its keys are billed per use), or give the okmsId of an existing OKMS");
    }
    if (!context.change("order an OKMS in region " + region)) {
      return "would order an OKMS in " + region;
    }
    OrderApi orders = context.orders();
    OrderRace race = new OrderRace(orders, region);
    for (int round = 1; ; round++) {
      OrderApi.Cart cart = race.enter(orders.me().ovhSubsidiary(), orders.serverTime());
      orders.assignCart(cart.cartId());
      OrderApi.CartItem item = orders.addOkms(cart.cartId());
      orders.configure(cart.cartId(), item.itemId(), "region", region);
      Optional<OrderApi.Cart> winner = race.winnerOver(cart);
      if (winner.isPresent()) {
        context.warn("another run is ordering an OKMS in " + region + ": waiting for it, not ordering another");
        Object done = awaitWinner(context, okms, race, winner.get(), region);
        if (done instanceof String summary) {
          return summary;
        }
        if (Boolean.TRUE.equals(done)) {
          context.warn("the other run's cart " + winner.get().cartId() + " was left open: its run died; racing"
              + " again");
          race.abandon(winner.get());
        }
        continue;
      }
      Optional<PendingOrder> raced = pendingOrder(orders, region);
      if (raced.isPresent()) {
        race.abandon(cart);
        context.warn("another run ordered an OKMS in " + region + " (order " + raced.get().id() + "): waiting for"
            + " it");
        return delivered(context, okms, raced.get().id());
      }
      OrderApi.Order order;
      try {
        order = orders.checkout(cart.cartId(), false);
      } catch (OvhApiException e) {
        if (!e.isNotFound() || round >= MAX_RACE_ROUNDS) {
          throw e;
        }
        continue; // a waiting run took this cart for a dead run's: race again
      }
      pay(orders, order.orderId());
      return delivered(context, okms, order.orderId());
    }
  }

  /**
   * Waits for the winner of the order race: its OKMS or its order (then the step's summary). Otherwise
   * {@code TRUE} when its cart stayed open past the race's grace (its run died), {@code FALSE} when it went without
   * an order showing yet: race again either way.
   */
  private static Object awaitWinner(StepContext context, OkmsApi okms, OrderRace race,
      OrderApi.Cart winner, String region) {
    OrderApi orders = context.orders();
    Object outcome = context.await("the OKMS order of another run in " + region, () -> {
      Optional<OkmsApi.Resource> found = inRegion(context, okms, region);
      if (found.isPresent()) {
        return Optional.<Object>of(found.get());
      }
      Optional<PendingOrder> pending = pendingOrder(orders, region);
      if (pending.isPresent()) {
        return Optional.<Object>of(pending.get());
      }
      if (winner.readOnly()) {
        return Optional.empty(); // checked out: its order or OKMS will show
      }
      if (race.gone(winner)) {
        return Optional.<Object>of(Boolean.FALSE); // checked out or deleted since: race again
      }
      return race.stale(winner, orders.serverTime()) ? Optional.<Object>of(Boolean.TRUE) : Optional.empty();
    });
    if (outcome instanceof PendingOrder pending) {
      return delivered(context, okms, pending.id());
    }
    if (outcome instanceof OkmsApi.Resource resource) {
      publish(context, awaitReady(context, okms, resource.id()));
      return "OKMS " + resource.id() + " in " + resource.region() + ", ordered by another run";
    }
    return outcome;
  }

  private static OkmsApi.Resource byId(OkmsApi okms, String okmsId) {
    try {
      return okms.resource(okmsId, true);
    } catch (OvhApiException e) {
      if (e.isNotFound()) {
        throw new ConfigurationException("okmsId", "'" + okmsId + "' is no OKMS of this account: check the id in"
            + " the Control Panel, or leave it out to find the OKMS by region");
      }
      throw e;
    }
  }

  private static Optional<OkmsApi.Resource> inRegion(StepContext context, OkmsApi okms, String region) {
    ReadAhead<List<OkmsApi.Resource>> resources = ReadAhead.start("okms-resources", () -> okms.resources(null));
    List<String> regions = okms.regions().stream().map(OkmsApi.Region::id).toList();
    if (!regions.contains(region)) {
      throw new ConfigurationException("region", "'" + region + "' is not an OKMS region: use one of "
          + String.join(", ", regions));
    }
    List<OkmsApi.Resource> matches = resources.get().stream()
        .filter(resource -> region.equals(EncryptionSettings.normalizeRegion(resource.region()))).toList();
    if (matches.size() > 1) {
      context.warn(matches.size() + " OKMS in " + region + "; using " + matches.get(0).id()
          + ": give okmsId to choose another");
    }
    return matches.stream().findFirst();
  }

  private record PendingOrder(long id, OrderApi.OrderStatus status) {}

  /**
   * How far back a pending order is looked for: an unpaid order expires long before (OVHcloud keeps it a few days)
   * and a paid OKMS order is delivered within minutes, so older orders are settled and never read.
   */
  static final java.time.Duration PENDING_ORDER_WINDOW = java.time.Duration.ofDays(30);

  /** An OKMS order for the region, of the last 30 days, that is neither delivered nor abandoned. */
  private static Optional<PendingOrder> pendingOrder(OrderApi orders, String region) {
    for (long orderId : orders.orderIdsSince(java.time.Instant.now().minus(PENDING_ORDER_WINDOW))) {
      OrderApi.OrderStatus status = orders.status(orderId);
      if (!status.isPending()) {
        continue;
      }
      for (long detailId : orders.detailIds(orderId)) {
        OrderApi.ItemDetail detail = orders.extension(orderId, detailId);
        boolean okms = "okms".equals(detail.planCode());
        boolean sameRegion = detail.order() == null || detail.order().configurations() == null
            || detail.order().configurations().stream().anyMatch(c -> "region".equals(c.label())
                && region.equals(EncryptionSettings.normalizeRegion(c.value())));
        if (okms && sameRegion) {
          return Optional.of(new PendingOrder(orderId, status));
        }
      }
    }
    return Optional.empty();
  }

  private static void pay(OrderApi orders, long orderId) {
    List<Long> methods = orders.defaultPaymentMethods();
    if (methods.isEmpty()) {
      throw new StepException("order " + orderId + " waits for payment and the account has no default payment"
          + " method: add one in the Control Panel (Billing > Payment methods), then run again");
    }
    try {
      orders.pay(orderId, methods.get(0));
    } catch (OvhApiException e) {
      // another run (or this one, before its answer was lost) paid it meanwhile: what matters is that it is paid
      if (orders.status(orderId) == OrderApi.OrderStatus.NOT_PAID) {
        throw e;
      }
    }
  }

  private static String delivered(StepContext context, OkmsApi okms, long orderId) {
    OrderApi orders = context.orders();
    context.await("OKMS order " + orderId + " to be delivered", () -> {
      OrderApi.OrderStatus status = orders.status(orderId);
      if (status == OrderApi.OrderStatus.CANCELLED || status == OrderApi.OrderStatus.CANCELLING) {
        throw new StepException("OKMS order " + orderId + " was cancelled: check it in the Control Panel");
      }
      return status == OrderApi.OrderStatus.DELIVERED ? Optional.of(status) : Optional.empty();
    });
    String okmsId = null;
    for (long detailId : orders.detailIds(orderId)) {
      if ("okms".equals(orders.extension(orderId, detailId).planCode())) {
        okmsId = orders.detail(orderId, detailId).domain();
      }
    }
    if (okmsId == null) {
      throw new StepException("OKMS order " + orderId + " is delivered but names no OKMS: give its okmsId");
    }
    publish(context, awaitReady(context, okms, okmsId));
    return "OKMS " + okmsId + " ordered (order " + orderId + ")";
  }

  private static OkmsApi.Resource awaitReady(StepContext context, OkmsApi okms, String okmsId) {
    return context.await("OKMS " + okmsId + " to be ready", () -> {
      try {
        OkmsApi.Resource resource = okms.resource(okmsId, true);
        return ready(resource) ? Optional.of(resource) : Optional.empty();
      } catch (OvhApiException e) {
        if (e.isNotFound()) {
          return Optional.empty(); // a new OKMS appears a little after its order is delivered
        }
        throw e;
      }
    });
  }

  private static boolean ready(OkmsApi.Resource resource) {
    return resource.iam() == null || resource.iam().state() == IamMetadata.State.OK;
  }

  /** The OKMS's outputs; its public CA only once read with it (a listed OKMS comes without). */
  private static void publish(StepContext context, OkmsApi.Resource resource) {
    context.put(Outputs.OKMS_ID, resource.id());
    context.put(Outputs.REGION, resource.region());
    context.put(Outputs.KMIP_ENDPOINT, resource.kmipEndpoint());
    context.put(Outputs.REST_ENDPOINT, resource.restEndpoint());
    context.put(Outputs.OKMS_URN, resource.iam() == null ? null : resource.iam().urn());
    context.put(Outputs.PUBLIC_CA, resource.publicCA());
  }
}
