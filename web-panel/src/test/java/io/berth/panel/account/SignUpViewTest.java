package io.berth.panel.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignUpViewTest extends ViewTest {

  @BeforeEach
  void openSignUp() {
    navigate("signup");
  }

  @Test
  void givenAMalformedEmail_itSaysWhatAnEmailLooksLike() {
    signUp("ada.example.com", "correct horse 42");

    assertThat(email().isInvalid()).isTrue();
    assertThat(email().getErrorMessage())
        .isEqualTo("Enter an email address like name@example.com.");
    assertThat(password().isInvalid()).isFalse();
    assertThat(customers.count()).isZero();
  }

  @Test
  void givenATakenEmail_itSaysToSignInInstead() {
    customers.add("ada@example.com", Customer.ROLE_CUSTOMER);

    signUp("Ada@Example.com", "correct horse 42");

    assertThat(email().getErrorMessage())
        .isEqualTo("An account with this email already exists; sign in instead.");
    assertThat(customers.count()).isEqualTo(1);
  }

  @Test
  void givenAShortPassword_itAsksForTenCharacters() {
    signUp("ada@example.com", "Short1");

    assertThat(password().isInvalid()).isTrue();
    assertThat(password().getErrorMessage()).isEqualTo("Use at least 10 characters.");
    assertThat(customers.count()).isZero();
  }

  @Test
  void givenAPasswordOfOneKind_itAsksForAMix() {
    signUp("ada@example.com", "onlylowercaseletters");

    assertThat(password().getErrorMessage())
        .isEqualTo("Mix at least two kinds of characters: lowercase, uppercase, digits, symbols.");
  }

  @Test
  void givenAPasswordLongerThanBcryptReads_itSaysSo() {
    signUp("ada@example.com", "Ää".repeat(25));

    assertThat(password().getErrorMessage()).startsWith("Use at most 72 bytes");
  }

  @Test
  void givenGoodDetails_itCreatesTheAccountAndSendsToSignIn() {
    signUp("  Ada@Example.com ", "correct horse 42");

    Customer created = customers.findByEmailIgnoreCase("ada@example.com").orElseThrow();
    assertThat(created.email()).isEqualTo("ada@example.com");
    assertThat(created.role()).isEqualTo(Customer.ROLE_CUSTOMER);
    assertThat(created.passwordHash()).startsWith("{bcrypt}").doesNotContain("correct horse");
    assertThat(currentView()).isInstanceOf(LoginView.class);
    NotificationsKt.expectNotifications("Your account is ready. Sign in to continue.");
  }

  private void signUp(String emailAddress, String secret) {
    _setValue(email(), emailAddress);
    _setValue(password(), secret);
    _click(_get(Button.class, spec -> spec.withText("Create account")));
  }

  private static TextField email() {
    return _get(TextField.class, spec -> spec.withLabel("Email"));
  }

  private static PasswordField password() {
    return _get(PasswordField.class, spec -> spec.withLabel("Password"));
  }
}
