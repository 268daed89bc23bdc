package io.berth.panel.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/** Page-wide settings: server push keeps order pages live without reloading. */
@Push
public class AppShell implements AppShellConfigurator {}
