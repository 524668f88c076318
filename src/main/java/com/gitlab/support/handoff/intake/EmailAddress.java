package com.gitlab.support.handoff.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.IDN;
import java.util.regex.Pattern;

/**
 * An email address whose domain is a host name, as Salesforce (look-up by domain), Zendesk and Slack
 * need it: {@code jane@ac'me.com} or {@code jane@acme} are refused, where Bean Validation's
 * {@code @Email} lets them through. The local part is RFC 5322's dot-atom; the domain has at least two
 * labels of letters, digits and inner hyphens (internationalised names count in their ASCII form), a
 * top-level label that is not all digits, and at most 253 characters. Surrounding blanks are ignored,
 * as the intake trims them; null passes (pair with {@code @NotBlank} when required).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EmailAddress.Validator.class)
public @interface EmailAddress {

  String message() default "must be an email address whose domain is a host name, such as jane@acme.com";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<EmailAddress, String> {

    private static final Pattern LOCAL_PART =
        Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      String address = value.trim();
      int at = address.lastIndexOf('@');
      if (at <= 0 || address.length() > 254) {
        return false;
      }
      String local = address.substring(0, at);
      return local.length() <= 64 && LOCAL_PART.matcher(local).matches() && isHostName(address.substring(at + 1));
    }

    static boolean isHostName(String domain) {
      String ascii;
      try {
        ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException notAHostName) {
        return false;
      }
      if (ascii.isEmpty() || ascii.length() > 253 || ascii.endsWith(".")) {
        return false;
      }
      String[] labels = ascii.split("\\.", -1);
      if (labels.length < 2 || ALL_DIGITS.matcher(labels[labels.length - 1]).matches()) {
        return false;
      }
      for (String label : labels) {
        if (!LABEL.matcher(label).matches()) {
          return false;
        }
      }
      return true;
    }
  }
}
