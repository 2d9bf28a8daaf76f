package io.github.okmsvm.sandbox.kmip;

import io.github.okmsvm.core.kmip.ObjectType;
import io.github.okmsvm.core.kmip.Operation;
import io.github.okmsvm.core.kmip.ResultReason;
import io.github.okmsvm.core.kmip.Tag;
import io.github.okmsvm.core.kmip.Ttlv;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The managed objects of one sandbox OKMS and the KMIP 1.x operations on them, with the state rules of KMIP 1.4 §3.22
 * as PyKMIP's server applies them: Create and Register give Pre-Active objects unless an Activation Date has come;
 * only a Pre-Active object is activated; only an Active one is revoked (except for compromise); an Active one is
 * never destroyed. Identifiers are UUIDs, as OKMS gives them.
 */
public final class KmipObjects {
  /** Cryptographic Algorithm AES (1.4 §9.1.3.2.13) and the lengths it takes. */
  private static final int AES = 0x03;
  private static final Set<Integer> AES_LENGTHS = Set.of(128, 192, 256);
  private static final int REPLACEMENT_OBJECT_LINK = 0x106;
  private static final int REPLACED_OBJECT_LINK = 0x107;
  private static final int KEY_COMPROMISE = 0x02;

  private final Map<String, ManagedObject> objects = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** How many objects this OKMS holds: its {@code kmipObjectCount}. */
  public synchronized long count() {
    return objects.size();
  }

  /** Whether {@code id} names an object of this OKMS. */
  public synchronized boolean contains(String id) {
    return objects.containsKey(id);
  }

  /** Removes object {@code id} whatever its state, as an OKMS administrator can: the key is then missing. */
  public synchronized void remove(String id) {
    objects.remove(id);
  }

  /**
   * Performs {@code operation} on {@code payload}; {@code placeholder} holds the identifier of the object an earlier
   * item of the same message made (the ID Placeholder of 1.4 §6.5), used where an item names none.
   */
  synchronized Ttlv perform(Operation operation, Ttlv payload, String[] placeholder) {
    Instant now = Instant.now();
    return switch (operation) {
      case CREATE -> create(payload, placeholder, now);
      case REGISTER -> register(payload, placeholder, now);
      case RE_KEY -> rekey(payload, placeholder, now);
      case LOCATE -> locate(payload);
      case GET -> get(payload, placeholder);
      case GET_ATTRIBUTES -> getAttributes(payload, placeholder);
      case ADD_ATTRIBUTE -> addAttribute(payload, placeholder, now);
      case ACTIVATE -> activate(payload, placeholder, now);
      case REVOKE -> revoke(payload, placeholder, now);
      case DESTROY -> destroy(payload, placeholder);
      default -> throw new KmipFailure(ResultReason.OPERATION_NOT_SUPPORTED, Operation.nameOf(operation.code())
          + " is not supported by OKMS");
    };
  }

  private Ttlv create(Ttlv payload, String[] placeholder, Instant now) {
    int type = payload.required(Tag.OBJECT_TYPE).asInt();
    if (type != ObjectType.SYMMETRIC_KEY.code()) {
      throw new KmipFailure(ResultReason.INVALID_FIELD, "Create makes symmetric keys; "
          + ObjectType.nameOf(type) + " objects are made with Create Key Pair or Register");
    }
    Map<String, List<Ttlv>> template = template(payload);
    int algorithm = single(template, ManagedObject.ALGORITHM).map(Ttlv::asInt).orElseThrow(() -> new KmipFailure(
        ResultReason.INVALID_FIELD, "the template needs a Cryptographic Algorithm"));
    int length = single(template, ManagedObject.LENGTH).map(Ttlv::asInt).orElseThrow(() -> new KmipFailure(
        ResultReason.INVALID_FIELD, "the template needs a Cryptographic Length"));
    checkAes(algorithm, length);
    byte[] material = new byte[length / 8];
    random.nextBytes(material);
    ManagedObject created = store(ObjectType.SYMMETRIC_KEY, material, template, now);
    placeholder[0] = created.id;
    return payload(Ttlv.enumeration(Tag.OBJECT_TYPE, type), Ttlv.text(Tag.UNIQUE_IDENTIFIER, created.id));
  }

  private Ttlv register(Ttlv payload, String[] placeholder, Instant now) {
    int type = payload.required(Tag.OBJECT_TYPE).asInt();
    Map<String, List<Ttlv>> template = template(payload);
    ManagedObject registered;
    if (type == ObjectType.SYMMETRIC_KEY.code()) {
      Ttlv block = payload.first(Tag.SYMMETRIC_KEY).orElseThrow(() -> missing("Symmetric Key"))
          .required(Tag.KEY_BLOCK);
      byte[] material = keyMaterial(block);
      int algorithm = block.first(Tag.CRYPTOGRAPHIC_ALGORITHM).map(Ttlv::asInt)
          .or(() -> single(template, ManagedObject.ALGORITHM).map(Ttlv::asInt)).orElse(AES);
      checkAes(algorithm, material.length * 8);
      template.put(ManagedObject.ALGORITHM, List.of(Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, algorithm)));
      template.put(ManagedObject.LENGTH, List.of(Ttlv.integer(Tag.ATTRIBUTE_VALUE, material.length * 8)));
      registered = store(ObjectType.SYMMETRIC_KEY, material, template, now);
    } else if (type == ObjectType.SECRET_DATA.code()) {
      Ttlv secret = payload.first(Tag.SECRET_DATA).orElseThrow(() -> missing("Secret Data"));
      template.put(ManagedObject.SECRET_DATA_TYPE, List.of(Ttlv.enumeration(Tag.ATTRIBUTE_VALUE,
          secret.required(Tag.SECRET_DATA_TYPE).asInt())));
      registered = store(ObjectType.SECRET_DATA, keyMaterial(secret.required(Tag.KEY_BLOCK)), template, now);
    } else {
      throw new KmipFailure(ResultReason.INVALID_FIELD, "the sandbox KMS registers Symmetric Key and Secret Data"
          + " objects, not " + ObjectType.nameOf(type));
    }
    placeholder[0] = registered.id;
    return payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, registered.id));
  }

  /** A new key of the same kind and attributes, linked both ways to the one it replaces (1.4 §4.4). */
  private Ttlv rekey(Ttlv payload, String[] placeholder, Instant now) {
    ManagedObject old = object(payload, placeholder);
    if (old.type != ObjectType.SYMMETRIC_KEY) {
      throw new KmipFailure(ResultReason.ILLEGAL_OPERATION, "Re-key applies to symmetric keys; object " + old.id
          + " is " + ObjectType.nameOf(old.type.code()));
    }
    Map<String, List<Ttlv>> template = new LinkedHashMap<>();
    for (String name : List.of(ManagedObject.ALGORITHM, ManagedObject.LENGTH, ManagedObject.USAGE_MASK,
        ManagedObject.NAME, ManagedObject.OBJECT_GROUP)) {
      old.attributes(List.of(name)).forEach(attribute -> template.computeIfAbsent(name, key -> new ArrayList<>())
          .add(attribute.required(Tag.ATTRIBUTE_VALUE)));
    }
    byte[] material = new byte[old.material.length];
    random.nextBytes(material);
    ManagedObject renewed = store(ObjectType.SYMMETRIC_KEY, material, template, now);
    if (old.state() == ObjectState.ACTIVE) {
      renewed.moveTo(ObjectState.ACTIVE, now);
      renewed.put(ManagedObject.ACTIVATION_DATE, Ttlv.dateTime(Tag.ATTRIBUTE_VALUE, now));
    }
    renewed.put(ManagedObject.LINK, link(REPLACED_OBJECT_LINK, old.id));
    old.put(ManagedObject.LINK, link(REPLACEMENT_OBJECT_LINK, renewed.id));
    old.touch(now);
    placeholder[0] = renewed.id;
    return payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, renewed.id));
  }

  private Ttlv locate(Ttlv payload) {
    List<Ttlv> wanted = payload.all(Tag.ATTRIBUTE);
    int maximum = payload.first(Tag.MAXIMUM_ITEMS).map(Ttlv::asInt).orElse(Integer.MAX_VALUE);
    List<Ttlv> found = new ArrayList<>();
    for (ManagedObject object : objects.values()) {
      if (found.size() < maximum && object.matches(wanted)) {
        found.add(Ttlv.text(Tag.UNIQUE_IDENTIFIER, object.id));
      }
    }
    return Ttlv.structure(Tag.RESPONSE_PAYLOAD, found);
  }

  private Ttlv get(Ttlv payload, String[] placeholder) {
    ManagedObject object = object(payload, placeholder);
    Optional<Integer> format = payload.first(Tag.KEY_FORMAT_TYPE).map(Ttlv::asInt);
    int served = object.type == ObjectType.SYMMETRIC_KEY ? ManagedObject.KeyFormat.RAW
        : ManagedObject.KeyFormat.OPAQUE;
    if (format.isPresent() && format.get() != served) {
      throw new KmipFailure(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "object " + object.id + " is served in"
          + " Key Format Type " + (served == ManagedObject.KeyFormat.RAW ? "Raw" : "Opaque") + " only");
    }
    return payload(Ttlv.enumeration(Tag.OBJECT_TYPE, object.type.code()), Ttlv.text(Tag.UNIQUE_IDENTIFIER,
        object.id), object.toTtlv());
  }

  private Ttlv getAttributes(Ttlv payload, String[] placeholder) {
    ManagedObject object = object(payload, placeholder);
    List<String> names = payload.all(Tag.ATTRIBUTE_NAME).stream().map(Ttlv::asText).toList();
    List<Ttlv> answer = new ArrayList<>();
    answer.add(Ttlv.text(Tag.UNIQUE_IDENTIFIER, object.id));
    answer.addAll(object.attributes(names));
    return Ttlv.structure(Tag.RESPONSE_PAYLOAD, answer);
  }

  private Ttlv addAttribute(Ttlv payload, String[] placeholder, Instant now) {
    ManagedObject object = object(payload, placeholder);
    Ttlv attribute = payload.first(Tag.ATTRIBUTE).orElseThrow(() -> missing("Attribute"));
    String name = attribute.required(Tag.ATTRIBUTE_NAME).asText();
    Ttlv value = attribute.first(Tag.ATTRIBUTE_VALUE).orElseThrow(() -> missing("Attribute Value"));
    checkSettable(name);
    object.add(name, value);
    object.touch(now);
    List<Ttlv> instances = object.attributes(List.of(name));
    return payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, object.id), instances.get(instances.size() - 1));
  }

  private Ttlv activate(Ttlv payload, String[] placeholder, Instant now) {
    ManagedObject object = object(payload, placeholder);
    if (object.state() != ObjectState.PRE_ACTIVE) {
      throw new KmipFailure(ResultReason.PERMISSION_DENIED, "object " + object.id + " is "
          + object.state().label + ": only a Pre-Active object is activated");
    }
    object.moveTo(ObjectState.ACTIVE, now);
    object.put(ManagedObject.ACTIVATION_DATE, Ttlv.dateTime(Tag.ATTRIBUTE_VALUE, now));
    return payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, object.id));
  }

  private Ttlv revoke(Ttlv payload, String[] placeholder, Instant now) {
    ManagedObject object = object(payload, placeholder);
    Ttlv reason = payload.first(Tag.REVOCATION_REASON).orElseThrow(() -> missing("Revocation Reason"));
    int code = reason.required(Tag.REVOCATION_REASON_CODE).asInt();
    if (code == KEY_COMPROMISE) {
      object.moveTo(ObjectState.COMPROMISED, now);
    } else if (object.state() == ObjectState.ACTIVE) {
      object.moveTo(ObjectState.DEACTIVATED, now);
      object.put(ManagedObject.DEACTIVATION_DATE, Ttlv.dateTime(Tag.ATTRIBUTE_VALUE, now));
    } else {
      throw new KmipFailure(ResultReason.ILLEGAL_OPERATION, "object " + object.id + " is "
          + object.state().label + ": only an Active object is revoked (or any, for a key compromise)");
    }
    object.put(ManagedObject.REVOCATION_REASON, new Ttlv(Tag.ATTRIBUTE_VALUE, reason.type(), reason.value()));
    return payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, object.id));
  }

  private Ttlv destroy(Ttlv payload, String[] placeholder) {
    ManagedObject object = object(payload, placeholder);
    if (object.state() == ObjectState.ACTIVE) {
      throw new KmipFailure(ResultReason.PERMISSION_DENIED, "object " + object.id + " is Active: revoke it before"
          + " destroying it");
    }
    objects.remove(object.id);
    return payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, object.id));
  }

  private ManagedObject store(ObjectType type, byte[] material, Map<String, List<Ttlv>> template, Instant now) {
    ManagedObject object = new ManagedObject(UUID.randomUUID().toString(), type, material, now);
    template.forEach((name, values) -> values.forEach(value -> object.add(name, value)));
    Optional<Instant> activation = single(template, ManagedObject.ACTIVATION_DATE).map(Ttlv::asInstant);
    if (activation.isPresent() && !activation.get().isAfter(now)) {
      object.moveTo(ObjectState.ACTIVE, now);
    }
    objects.put(object.id, object);
    return object;
  }

  private ManagedObject object(Ttlv payload, String[] placeholder) {
    String id = payload.first(Tag.UNIQUE_IDENTIFIER).map(Ttlv::asText).orElse(placeholder[0]);
    if (id == null) {
      throw missing("Unique Identifier");
    }
    ManagedObject object = objects.get(id);
    if (object == null) {
      throw new KmipFailure(ResultReason.ITEM_NOT_FOUND, "no object " + id + " in this OKMS");
    }
    return object;
  }

  /** The client's template attributes by name, each checked as settable by a client. */
  private static Map<String, List<Ttlv>> template(Ttlv payload) {
    Map<String, List<Ttlv>> template = new LinkedHashMap<>();
    for (Ttlv attribute : payload.first(Tag.TEMPLATE_ATTRIBUTE).map(t -> t.all(Tag.ATTRIBUTE)).orElse(List.of())) {
      String name = attribute.required(Tag.ATTRIBUTE_NAME).asText();
      checkSettable(name);
      template.computeIfAbsent(name, key -> new ArrayList<>()).add(attribute.first(Tag.ATTRIBUTE_VALUE)
          .orElseThrow(() -> missing("Attribute Value of " + name)));
    }
    return template;
  }

  private static void checkSettable(String name) {
    if (ManagedObject.SERVER_ONLY.contains(name)) {
      throw new KmipFailure(ResultReason.PERMISSION_DENIED, name + " is set by the server, not by a client");
    }
    if (!name.startsWith("x-") && !ManagedObject.CLIENT_SETTABLE.contains(name)) {
      throw new KmipFailure(ResultReason.INVALID_FIELD, "attribute '" + name + "' is not supported: custom"
          + " attributes of a client are named x-...");
    }
  }

  private static void checkAes(int algorithm, int length) {
    if (algorithm != AES) {
      throw new KmipFailure(ResultReason.INVALID_FIELD, "Cryptographic Algorithm " + algorithm
          + " is not supported for symmetric keys: use AES (3)");
    }
    if (!AES_LENGTHS.contains(length)) {
      throw new KmipFailure(ResultReason.INVALID_FIELD, "Cryptographic Length " + length
          + " is not an AES key length: use 128, 192 or 256");
    }
  }

  private static byte[] keyMaterial(Ttlv keyBlock) {
    return keyBlock.required(Tag.KEY_VALUE).first(Tag.KEY_MATERIAL).orElseThrow(() -> missing("Key Material"))
        .asBytes();
  }

  private static Optional<Ttlv> single(Map<String, List<Ttlv>> template, String name) {
    return template.getOrDefault(name, List.of()).stream().findFirst();
  }

  private static Ttlv link(int type, String id) {
    return Ttlv.structure(Tag.ATTRIBUTE_VALUE, Ttlv.enumeration(Tag.LINK_TYPE, type),
        Ttlv.text(Tag.LINKED_OBJECT_IDENTIFIER, id));
  }

  private static KmipFailure missing(String field) {
    return new KmipFailure(ResultReason.MISSING_DATA, "the request has no " + field);
  }

  private static Ttlv payload(Ttlv... items) {
    return Ttlv.structure(Tag.RESPONSE_PAYLOAD, items);
  }
}
