package io.okpay.shared.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Turns on Faces' CDI integration (injectable FacesContext, #{view}, ...); see STACK.md fact 10. */
@FacesConfig
@ApplicationScoped
public class FacesActivation {
}
