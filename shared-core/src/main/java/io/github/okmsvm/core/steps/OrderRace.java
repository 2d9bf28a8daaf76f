package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.ovh.OrderApi;
import io.github.okmsvm.core.ovh.OvhApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Orders an OKMS without ever buying two, even when runs on different machines start at the same moment. No lock is
 * shared between CI machines, so the protocol runs over the API's own state, the account's carts:
 *
 * <ol>
 *   <li>A run that would order builds a cart marked as this tool's for the region (its description), expiring
 *       {@link #CART_LIFETIME} after the API's own clock, so that every run's carts compare on one clock.
 *   <li>It lists the marked carts. Among those still open (not checked out) and fresh (created less than
 *       {@link #GRACE} ago: a cart left open longer belongs to a run that died), the oldest wins: earliest expiry,
 *       then lowest id, which every run computes alike.
 *   <li>A run whose cart lost deletes its own cart and waits for the winner's order. A winner's cart still open
 *       {@link #GRACE} after its creation belongs to a run that died between building and checking it out (a live
 *       one checks out within seconds): the waiting run deletes it and races again. Should that winner be alive
 *       after all, its checkout then finds no cart and it races again too: still one order.
 *   <li>The winner looks once more for a pending OKMS order, then checks out. A marked cart already checked out
 *       (and not yet expired) means an order was placed: a run seeing one waits for that OKMS rather than order,
 *       since a delivered order's OKMS may not be listed yet.
 * </ol>
 *
 * A newer cart never wins over an older open one, and an older one already checked out has left its order: exactly
 * one order, whatever the timing.
 */
final class OrderRace {
  static final Duration CART_LIFETIME = Duration.ofHours(1);
  static final Duration GRACE = Duration.ofSeconds(20);

  private final OrderApi orders;
  private final String marker;
  private Instant now;

  OrderRace(OrderApi orders, String region) {
    this.orders = orders;
    this.marker = "okms-vm-encryption: okms " + region;
  }

  /** The cart every run of this region marks its own with. */
  String marker() {
    return marker;
  }

  /** Builds this run's cart (step 1), created at {@code serverNow}; returns it. */
  OrderApi.Cart enter(String ovhSubsidiary, Instant serverNow) {
    now = serverNow;
    return orders.createCart(ovhSubsidiary, marker, serverNow.plus(CART_LIFETIME));
  }

  /** The cart that wins over {@code mine}, if any (step 2); a losing cart is deleted (step 3). */
  Optional<OrderApi.Cart> winnerOver(OrderApi.Cart mine) {
    List<OrderApi.Cart> open = new ArrayList<>();
    for (String cartId : orders.cartIds(marker)) {
      Optional<OrderApi.Cart> cart = cart(cartId);
      if (cart.isPresent() && cart.get().readOnly() && !cart.get().cartId().equals(mine.cartId())) {
        abandon(mine);
        return cart; // already checked out: its order may be delivered before its OKMS is listed
      }
      cart.filter(this::fresh).ifPresent(open::add);
    }
    Optional<OrderApi.Cart> winner = open.stream().min(Comparator.comparing(OrderApi.Cart::expire)
        .thenComparing(OrderApi.Cart::cartId));
    if (winner.isPresent() && !winner.get().cartId().equals(mine.cartId())) {
      abandon(mine);
      return winner;
    }
    return Optional.empty();
  }

  /** Whether {@code winner} is still open though its run should have checked it out by {@code serverNow}. */
  boolean stale(OrderApi.Cart winner, Instant serverNow) {
    Optional<OrderApi.Cart> now = cart(winner.cartId());
    return now.isPresent() && !now.get().readOnly()
        && winner.expire().minus(CART_LIFETIME).plus(GRACE).isBefore(serverNow);
  }

  /** Whether {@code cart} was checked out or deleted since. */
  boolean gone(OrderApi.Cart cart) {
    return cart(cart.cartId()).map(OrderApi.Cart::readOnly).orElse(true);
  }

  /** Deletes a cart this run will not check out. */
  void abandon(OrderApi.Cart mine) {
    try {
      orders.deleteCart(mine.cartId());
    } catch (OvhApiException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
  }

  private boolean fresh(OrderApi.Cart cart) {
    return cart.expire() != null && cart.expire().minus(CART_LIFETIME).plus(GRACE).isAfter(now);
  }

  private Optional<OrderApi.Cart> cart(String cartId) {
    try {
      return Optional.of(orders.cart(cartId));
    } catch (OvhApiException e) {
      if (e.isNotFound()) {
        return Optional.empty(); // deleted by its run meanwhile
      }
      throw e;
    }
  }
}
