package com.gitlab.support.handoff.variables;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores a string variable longer than Camunda's text column ({@code TEXT_ VARCHAR(4000)} in runtime and
 * history) in the variable's byte array, UTF-8 encoded, instead of failing the step. The value stays of
 * type String: expressions, decision tables, Cockpit and the REST API see the same string as before.
 * Shorter strings keep Camunda's own serializer (and stay queryable by value).
 */
public class LongStringSerializer extends PrimitiveValueSerializer<StringValue> {

  /** The serializer's name in {@code TYPE_} of the variable tables. */
  public static final String NAME = "longString";

  /** Characters Camunda's {@code TEXT_} column holds on H2 and PostgreSQL. */
  public static final int TEXT_COLUMN_LENGTH = 4000;

  public LongStringSerializer() {
    super(ValueType.STRING);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public void writeValue(StringValue value, ValueFields fields) {
    fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields fields, boolean asTransientValue) {
    byte[] bytes = fields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
  }
}
