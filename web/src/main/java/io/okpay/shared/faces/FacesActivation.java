package io.okpay.shared.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/**
 * Turns on Faces' CDI integration (injectable FacesContext, #{view}, ...): without @FacesConfig on some class,
 * injecting FacesContext fails.
 */
@FacesConfig
@ApplicationScoped
public class FacesActivation {
}
