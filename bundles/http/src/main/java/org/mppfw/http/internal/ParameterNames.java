package org.mppfw.http.internal;

/**
 * The phone parameters this bundle reads. Names not in the catalog are simply absent: the
 * transport then behaves as with an empty value.
 */
final class ParameterNames {

    static final String USER_AGENT = "HTTP_User_Agent_Name";
    static final String CUSTOM_CA_RULE = "Custom_CA_Rule";
    static final String RESTRICTED_ACCESS_DOMAINS = org.mppfw.api.transport.AccessDomains.PARAMETER;
    static final String TLS_CIPHER_LIST = "TLS_Cipher_List";
    /** The profile account entered on the phone (Cisco documents the screen, not the XML names). */
    static final String ACCOUNT_USER = "Profile_Account_User_Name";
    static final String ACCOUNT_PASSWORD = "Profile_Account_Password";
    /**
     * The HTTP proxy (Voice > System > HTTP Proxy Settings, the 8800 guide's names). Proxy_Mode is
     * Auto, Manual or Off (factory Off); any mode but Off uses Proxy_Host: no PAC file is fetched.
     */
    static final String PROXY_MODE = "Proxy_Mode";
    static final String PROXY_HOST = "Proxy_Host";
    static final String PROXY_PORT = "Proxy_Port";
    static final String PROXY_USER = "Proxy_Username";
    static final String PROXY_PASSWORD = "Proxy_Password";

    private ParameterNames() {
    }
}
