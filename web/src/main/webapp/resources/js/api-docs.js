// Starts Swagger UI on the API reference page (/api/docs) with the contract this server serves; "Try it out" calls
// this same server (the document's server is the relative /api/v1). A file of its own: the CSP forbids inline scripts.
document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('swagger-ui');
    window.ui = SwaggerUIBundle({
        url: root.getAttribute('data-url'),
        domNode: root,
        deepLinking: true,
        tryItOutEnabled: false,
        displayOperationId: true,
        validatorUrl: null,
        defaultModelsExpandDepth: 0
    });
});
